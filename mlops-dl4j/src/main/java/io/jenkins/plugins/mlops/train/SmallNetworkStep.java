package io.jenkins.plugins.mlops.train;

import java.nio.FloatBuffer;
import java.util.Arrays;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.activations.impl.ActivationIdentity;
import org.nd4j.linalg.activations.impl.ActivationReLU;
import org.nd4j.linalg.activations.impl.ActivationSigmoid;
import org.nd4j.linalg.activations.impl.ActivationSoftmax;
import org.nd4j.linalg.activations.impl.ActivationTanH;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.lossfunctions.ILossFunction;
import org.nd4j.linalg.lossfunctions.impl.LossMCXENT;
import org.nd4j.linalg.lossfunctions.impl.LossMSE;

/**
 * Training steps of a small network in plain Java. With a few thousand weights and batches of a few dozen
 * rows (the penguins spec: 995 weights, 32 rows), each of the twenty-odd ND4J operations of a step costs tens
 * of microseconds to call for a microsecond of arithmetic; here a step is loops over float arrays.
 *
 * <p>The mathematics of DL4J's fit for what it accepts, on top of {@link DirectTrainingStep#plainNetwork}:
 * hidden layers with ReLU, tanh, sigmoid or no activation; a softmax output with multi-class cross-entropy
 * (class weights included; the score clips probabilities as DL4J does) or an identity output with mean
 * squared error; Adam ({@link TrainingAdam#step}); no regularisation. The gradient is summed over the batch
 * and divided by its rows, as DL4J's updater does. The parameters live in a copy of the network's flat
 * array (DL4J's layout: per layer the weights column by column, then the bias) that is written back after
 * every step, so the network always holds the current weights; the Adam moments live here.
 */
final class SmallNetworkStep implements BatchTrainer {
    /** Batch rows times weights up to which loops beat ND4J's calls (the 200 000-row benchmark: 1024 × 79 362). */
    static final long MAX_WORK = 1L << 19;
    /** Rows scored at a time: bounds the activations held for a large hold-out. */
    private static final int SCORING_ROWS = 4096;
    /** DL4J's clipping of softmax probabilities in the cross-entropy score. */
    private static final double CLIP = 1e-10;

    enum Activation {
        RELU, TANH, SIGMOID, IDENTITY;

        private static final ActivationReLU PLAIN_RELU = new ActivationReLU();
        private static final int POSITIVE_INFINITY_BITS = Float.floatToRawIntBits(Float.POSITIVE_INFINITY);

        static Activation of(IActivation activation) {
            if (PLAIN_RELU.equals(activation)) {
                return RELU;
            }
            return activation instanceof ActivationTanH ? TANH : activation instanceof ActivationSigmoid ? SIGMOID
                    : activation instanceof ActivationIdentity ? IDENTITY : null;
        }

        float apply(float z) {
            return switch (this) {
                case RELU -> z > 0 ? z : 0;
                case TANH -> (float) Math.tanh(z);
                case SIGMOID -> (float) (1 / (1 + Math.exp(-z)));
                case IDENTITY -> z;
            };
        }

        /** The derivative, from the activation's output {@code a}. */
        float derivative(float a) {
            return switch (this) {
                case RELU -> a > 0 ? 1 : 0;
                case TANH -> 1 - a * a;
                case SIGMOID -> a * (1 - a);
                case IDENTITY -> 1;
            };
        }

        /**
         * In place over {@code rows} rows of {@code width} pre-activations: the bias added and the activation
         * applied, one loop per kind so that each loop is a plain one (the ReLU's vectorises; a NaN stays NaN
         * there, so that a diverging network shows in its loss).
         */
        void applyWithBias(float[] z, int rows, int width, float[] params, int bias) {
            for (int r = 0; r < rows; r++) {
                int row = r * width;
                if (this == RELU) {
                    for (int j = 0; j < width; j++) {
                        z[row + j] = Math.max(z[row + j] + params[bias + j], 0f);
                    }
                } else {
                    for (int j = 0; j < width; j++) {
                        z[row + j] = apply(z[row + j] + params[bias + j]);
                    }
                }
            }
        }

        /**
         * {@code delta[i] *= derivative(a[i])} for the first {@code n} values; where the ReLU's derivative is 0 the
         * gradient becomes 0 even when it is not finite.
         */
        void multiplyDerivative(float[] delta, float[] a, int n) {
            if (this == RELU) {
                // derivative(a) is 1 exactly where a's bits are in 1..+infinity's (positive, not NaN): masks from
                // the two comparisons keep those gradients and zero the rest without a branch, where a branch per
                // value was mispredicted half the time (1.2 ms of a 5 ms batch)
                for (int i = 0; i < n; i++) {
                    int bits = Float.floatToRawIntBits(a[i]);
                    int keep = -bits >> 31 & bits - (POSITIVE_INFINITY_BITS + 1) >> 31;
                    delta[i] = Float.intBitsToFloat(Float.floatToRawIntBits(delta[i]) & keep);
                }
            } else if (this != IDENTITY) {
                for (int i = 0; i < n; i++) {
                    delta[i] *= derivative(a[i]);
                }
            }
        }
    }

    /**
     * What the plain-Java steps (this one and {@link BlasNetworkStep}) train: layer widths (input first), where
     * each layer's weights and bias start in the network's flat parameters (DL4J's layout: per layer the weights
     * column by column, then the bias), the hidden activations, softmax with cross-entropy (class weights null
     * when unweighted) or else identity with mean squared error, and Adam.
     */
    record Plan(int[] width, int[] weights, int[] biases, Activation[] hidden, boolean softmax, float[] classWeights,
                Adam adam) {
        /** The plan of a network these steps compute exactly (see the class comment), or null. */
        static Plan of(MultiLayerNetwork net) {
            if (!DirectTrainingStep.plainNetwork(net) || net.params().dataType() != DataType.FLOAT) {
                return null;
            }
            Layer[] layers = net.getLayers();
            int[] width = new int[layers.length + 1];
            Activation[] hidden = new Activation[layers.length - 1];
            IUpdater updater = ((BaseLayer) layers[0].conf().getLayer()).getIUpdater();
            for (int l = 0; l < layers.length; l++) {
                BaseLayer config = (BaseLayer) layers[l].conf().getLayer();
                width[l] = (int) layers[l].getParam("W").rows();
                width[l + 1] = (int) layers[l].getParam("W").columns();
                if (DirectTrainingStep.regularised(config) || !updater.equals(config.getIUpdater())
                        || config.getBiasUpdater() != null && !updater.equals(config.getBiasUpdater())) {
                    return null;
                }
                if (l < hidden.length && (hidden[l] = Activation.of(config.getActivationFn())) == null) {
                    return null;
                }
            }
            if (!(updater instanceof Adam adam)) {
                return null;
            }
            OutputLayer output = (OutputLayer) layers[layers.length - 1].conf().getLayer();
            ILossFunction loss = output.getLossFn();
            boolean softmax = output.getActivationFn() instanceof ActivationSoftmax && loss instanceof LossMCXENT mcxent
                    && mcxent.getSoftmaxClipEps() == CLIP;
            boolean squared = output.getActivationFn() instanceof ActivationIdentity && loss.getClass() == LossMSE.class
                    && ((LossMSE) loss).getWeights() == null;
            if (!softmax && !squared) {
                return null;
            }
            INDArray w = softmax ? ((LossMCXENT) loss).getWeights() : null;
            int[] weights = new int[layers.length];
            int[] biases = new int[layers.length];
            int offset = 0;
            for (int l = 0; l < layers.length; l++) {
                weights[l] = offset;
                biases[l] = offset + width[l] * width[l + 1];
                offset = biases[l] + width[l + 1];
            }
            return new Plan(width, weights, biases, hidden, softmax, w == null ? null : w.toFloatVector(), adam);
        }

        int outputs() {
            return width[width.length - 1];
        }

        /** The output layer on its products, in place: the bias added, then its activation (softmax or none). */
        void outputLayer(float[] o, int rows, float[] params) {
            int k = outputs();
            int bias = biases[biases.length - 1];
            for (int r = 0; r < rows; r++) {
                for (int j = 0; j < k; j++) {
                    o[r * k + j] += params[bias + j];
                }
            }
            if (!softmax) {
                return;
            }
            for (int r = 0; r < rows; r++) {
                float max = Float.NEGATIVE_INFINITY;
                for (int j = 0; j < k; j++) {
                    max = Math.max(max, o[r * k + j]);
                }
                float total = 0;
                for (int j = 0; j < k; j++) {
                    o[r * k + j] = (float) Math.exp(o[r * k + j] - max);
                    total += o[r * k + j];
                }
                for (int j = 0; j < k; j++) {
                    o[r * k + j] /= total;
                }
            }
        }

        /**
         * The loss over a set of rows (as net.score gives it) and their outputs, {@code chunkRows} at a time:
         * {@code chunk} gives the network's outputs for the rows from {@code from}, {@code count} of them.
         */
        TrainingLoop.Scored score(INDArray x, INDArray y, int chunkRows, Chunk chunk) {
            int rows = (int) x.rows();
            int k = outputs();
            float[] target = floats(y);
            float[] outputs = new float[rows * k];
            double sum = 0;
            for (int from = 0; from < rows; from += chunkRows) {
                int count = Math.min(chunkRows, rows - from);
                float[] result = chunk.outputs(from, count);
                sum += lossSum(result, Arrays.copyOfRange(target, from * k, (from + count) * k), count);
                System.arraycopy(result, 0, outputs, from * k, count * k);
            }
            try (MemoryWorkspace outside = Nd4j.getMemoryManager().scopeOutOfWorkspaces()) {
                return new TrainingLoop.Scored(sum / rows, Nd4j.create(outputs, new long[] {rows, k}, 'c'));
            }
        }

        /** The network's outputs for some rows of a set being scored. */
        interface Chunk {
            float[] outputs(int from, int count);
        }

        /** The loss summed over the rows, as DL4J's loss functions compute it. */
        double lossSum(float[] output, float[] target, int rows) {
            int k = outputs();
            double sum = 0;
            for (int r = 0; r < rows; r++) {
                for (int j = 0; j < k; j++) {
                    float yj = target[r * k + j];
                    float oj = output[r * k + j];
                    if (softmax) {
                        double clipped = Math.min(1 - CLIP, Math.max(CLIP, oj));
                        sum -= (float) Math.log(clipped) * yj * (classWeights == null ? 1 : classWeights[j]);
                    } else {
                        float e = oj - yj;
                        sum += e * e / (double) k;
                    }
                }
            }
            return sum;
        }

        /** The loss's gradient at the output layer's pre-activations, for each row (not yet divided by the rows). */
        void outputGradient(float[] output, float[] target, int rows, float[] into) {
            int k = outputs();
            for (int r = 0; r < rows; r++) {
                float weighted = 0;
                if (classWeights != null) {
                    for (int j = 0; j < k; j++) {
                        weighted += target[r * k + j] * classWeights[j];
                    }
                }
                for (int j = 0; j < k; j++) {
                    int at = r * k + j;
                    if (!softmax) {
                        into[at] = 2 * (output[at] - target[at]) / k;
                    } else if (classWeights == null) {
                        into[at] = output[at] - target[at];
                    } else {
                        into[at] = output[at] * weighted - target[at] * classWeights[j];
                    }
                }
            }
        }

        /**
         * DL4J's updater on a gradient summed over a batch: its mean, then Adam, then the parameters minus the
         * update, written back to the network so that it always holds the current weights.
         */
        void update(MultiLayerNetwork net, int rows, float[] p, float[] g, float[] m, float[] v) {
            for (int i = 0; i < g.length; i++) {
                g[i] /= rows;
            }
            int iteration = net.getIterationCount();
            TrainingAdam.step(adam, iteration, net.getEpochCount(), g, m, v);
            for (int i = 0; i < p.length; i++) {
                p[i] -= g[i];
            }
            net.params().data().asNioFloat().put((int) net.params().offset(), p);
            net.setIterationCount(iteration + 1);
        }
    }

    private final MultiLayerNetwork net;
    private final Plan plan;
    private final int[] width;
    private final int[] weights;
    private final int[] biases;
    private final Activation[] hidden;
    private final float[] p;
    private final float[] g;
    private final float[] m;
    private final float[] v;
    /** Per layer: its outputs (activations; the network's outputs for the last) and the gradient at its pre-activations. */
    private float[][] out = new float[0][];
    private float[][] delta = new float[0][];
    private int capacity;

    private SmallNetworkStep(MultiLayerNetwork net, Plan plan) {
        this.net = net;
        this.plan = plan;
        this.width = plan.width();
        this.weights = plan.weights();
        this.biases = plan.biases();
        this.hidden = plan.hidden();
        p = parameters(net);
        g = new float[p.length];
        m = new float[p.length];
        v = new float[p.length];
    }

    /** The network's flat parameters, as floats. */
    static float[] parameters(MultiLayerNetwork net) {
        return net.params().castTo(DataType.FLOAT).dup().data().asFloat();
    }

    /** The step for a small network it computes exactly (see the class comment), or null. */
    static SmallNetworkStep of(MultiLayerNetwork net, int batchSize) {
        Plan plan = (long) batchSize * net.numParams() > MAX_WORK ? null : Plan.of(net);
        return plan == null ? null : new SmallNetworkStep(net, plan);
    }

    @Override
    public double fit(INDArray x, INDArray y) {
        int rows = (int) x.rows();
        float[] in = floats(x);
        float[] target = floats(y);
        forward(in, rows);
        int last = width.length - 2;
        double loss = plan.lossSum(out[last], target, rows) / rows;
        plan.outputGradient(out[last], target, rows, delta[last]);
        Arrays.fill(g, 0);
        for (int l = last; l >= 0; l--) {
            float[] input = l == 0 ? in : out[l - 1];
            int n = width[l];
            int outputs = width[l + 1];
            float[] d = delta[l];
            for (int r = 0; r < rows; r++) {
                for (int j = 0; j < outputs; j++) {
                    float dj = d[r * outputs + j];
                    g[biases[l] + j] += dj;
                    int column = weights[l] + j * n;
                    for (int i = 0; i < n; i++) {
                        g[column + i] += input[r * n + i] * dj;
                    }
                }
            }
            if (l > 0) {
                float[] below = delta[l - 1];
                Arrays.fill(below, 0, rows * n, 0);
                for (int r = 0; r < rows; r++) {
                    for (int j = 0; j < outputs; j++) {
                        float dj = d[r * outputs + j];
                        int column = weights[l] + j * n;
                        for (int i = 0; i < n; i++) {
                            below[r * n + i] += dj * p[column + i];
                        }
                    }
                }
                hidden[l - 1].multiplyDerivative(below, input, rows * n);
            }
        }
        plan.update(net, rows, p, g, m, v);
        return loss;
    }

    @Override
    public TrainingLoop.Scored score(INDArray x, INDArray y) {
        float[] in = floats(x);
        int n = width[0];
        return plan.score(x, y, SCORING_ROWS, (from, count) -> {
            forward(Arrays.copyOfRange(in, from * n, (from + count) * n), count);
            return out[width.length - 2];
        });
    }

    /** Fills {@link #out} for a batch: each layer's activations, the network's outputs last. */
    private void forward(float[] in, int rows) {
        ensureCapacity(rows);
        float[] input = in;
        int layers = width.length - 1;
        for (int l = 0; l < layers; l++) {
            int n = width[l];
            int outputs = width[l + 1];
            float[] o = out[l];
            for (int r = 0; r < rows; r++) {
                for (int j = 0; j < outputs; j++) {
                    int column = weights[l] + j * n;
                    float s = 0;
                    for (int i = 0; i < n; i++) {
                        s += input[r * n + i] * p[column + i];
                    }
                    o[r * outputs + j] = s;
                }
            }
            if (l < layers - 1) {
                hidden[l].applyWithBias(o, rows, outputs, p, biases[l]);
            }
            input = o;
        }
        plan.outputLayer(out[layers - 1], rows, p);
    }

    private void ensureCapacity(int rows) {
        if (rows <= capacity) {
            return;
        }
        int layers = width.length - 1;
        out = new float[layers][];
        delta = new float[layers][];
        for (int l = 0; l < layers; l++) {
            out[l] = new float[rows * width[l + 1]];
            delta[l] = new float[rows * width[l + 1]];
        }
        capacity = rows;
    }

    /** The values of rows of a 2-d array, row by row. */
    static float[] floats(INDArray rows) {
        int length = (int) rows.length();
        if (rows.dataType() == DataType.FLOAT && rows.ordering() == 'c' && rows.elementWiseStride() == 1) {
            float[] values = new float[length];
            FloatBuffer buffer = rows.data().asNioFloat();
            buffer.get((int) rows.offset(), values);
            return values;
        }
        return rows.castTo(DataType.FLOAT).dup('c').data().asFloat();
    }
}
