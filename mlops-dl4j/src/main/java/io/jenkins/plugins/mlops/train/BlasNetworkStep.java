package io.jenkins.plugins.mlops.train;

import static org.bytedeco.openblas.global.openblas.CblasNoTrans;
import static org.bytedeco.openblas.global.openblas.CblasRowMajor;
import static org.bytedeco.openblas.global.openblas.CblasTrans;
import static org.bytedeco.openblas.global.openblas.cblas_sgemm;

import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.bytedeco.javacpp.FloatPointer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * Training steps of a larger network of what {@link SmallNetworkStep.Plan} accepts: its matrix products
 * straight through the bundled OpenBLAS ({@code cblas_sgemm}) on native arrays allocated once, the rest of
 * the step in Java loops. On the 50-256-256-2 benchmark the step through ND4J's operations took twice its
 * matrix products: each of its thirty-odd calls a step costs 0.1-0.3 ms of set-up (an op context, its
 * native argument arrays, each allocation reading the process's memory use), more than the arithmetic of
 * all but the three largest products. The same mathematics as {@link SmallNetworkStep} (and as DL4J's fit,
 * to float rounding: the products sum in BLAS's order); deterministic for a given BLAS thread count, as fit.
 */
final class BlasNetworkStep implements BatchTrainer {
    /** Rows scored at a time: the buffers of a training batch. */
    private static final int SCORING_ROWS = 1024;

    /**
     * Per layer for one batch size: its activations (its outputs) and the gradient at its pre-activations, native
     * for BLAS, with views to copy them to and from heap arrays, where the element-wise loops run (over a native
     * buffer's view they ran at a fifth of the speed).
     */
    private record Buffers(FloatPointer[] out, FloatPointer[] delta, FloatBuffer[] outView, FloatBuffer[] deltaView,
                           float[][] heapOut, float[][] heapDelta, FloatPointer input, FloatBuffer inputView) {
    }

    private final MultiLayerNetwork net;
    private final SmallNetworkStep.Plan plan;
    private final int[] width;
    private final float[] p;
    private final float[] g;
    private final float[] m;
    private final float[] v;
    /** The network's parameters as BLAS reads them: the current weights, written back after every step. */
    private final FloatPointer params;
    /** The weight gradients as BLAS writes them, in the parameters' layout. */
    private final FloatPointer gradients;
    private final FloatBuffer gradientsView;
    /** The output layer's values on the heap, where its loss and softmax are computed. */
    private float[] output = new float[0];
    private float[] outputDelta = new float[0];
    private final Map<Integer, Buffers> buffers = new HashMap<>();

    private BlasNetworkStep(MultiLayerNetwork net, SmallNetworkStep.Plan plan) {
        this.net = net;
        this.plan = plan;
        this.width = plan.width();
        p = SmallNetworkStep.parameters(net);
        g = new float[p.length];
        m = new float[p.length];
        v = new float[p.length];
        INDArray flat = net.params();
        params = new FloatPointer(flat.data().asNioFloat());
        params.position(flat.offset());
        gradients = new FloatPointer(p.length);
        gradientsView = view(gradients, p.length);
    }

    /** The step for a network of what the plan accepts, or null. */
    static BlasNetworkStep of(MultiLayerNetwork net) {
        SmallNetworkStep.Plan plan = SmallNetworkStep.Plan.of(net);
        return plan == null || net.params().elementWiseStride() != 1 ? null : new BlasNetworkStep(net, plan);
    }

    @Override
    public double fit(INDArray x, INDArray y) {
        int rows = (int) x.rows();
        Buffers b = buffers(rows);
        load(x, b);
        int last = width.length - 2;
        forward(b, rows);
        float[] target = SmallNetworkStep.floats(y);
        double loss = plan.lossSum(output, target, rows) / rows;
        if (outputDelta.length < output.length) {
            outputDelta = new float[output.length];
        }
        plan.outputGradient(output, target, rows, outputDelta);
        b.deltaView()[last].put(0, outputDelta, 0, rows * width[last + 1]);
        int[] weights = plan.weights();
        int[] biases = plan.biases();
        float[] d = outputDelta;
        for (int l = last; l >= 0; l--) {
            int n = width[l];
            int outputs = width[l + 1];
            FloatPointer input = l == 0 ? b.input() : b.out()[l - 1];
            // the weights' gradient, outputs x n in the parameters' layout: delta^T . input
            cblas_sgemm(CblasRowMajor, CblasTrans, CblasNoTrans, outputs, n, rows, 1f, b.delta()[l], outputs, input, n,
                    0f, at(gradients, weights[l]), n);
            Arrays.fill(g, biases[l], biases[l] + outputs, 0f);
            for (int r = 0; r < rows; r++) {
                for (int j = 0; j < outputs; j++) {
                    g[biases[l] + j] += d[r * outputs + j];
                }
            }
            if (l > 0) {
                // the gradient at the layer below: delta . W, times its activation's derivative
                cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasNoTrans, rows, n, outputs, 1f, b.delta()[l], outputs,
                        at(params, weights[l]), n, 0f, b.delta()[l - 1], n);
                float[] below = b.heapDelta()[l - 1];
                b.deltaView()[l - 1].get(0, below, 0, rows * n);
                plan.hidden()[l - 1].multiplyDerivative(below, b.heapOut()[l - 1], rows * n);
                b.deltaView()[l - 1].put(0, below, 0, rows * n);
                d = below;
            }
            gradientsView.get(weights[l], g, weights[l], n * outputs);
        }
        plan.update(net, rows, p, g, m, v);
        return loss;
    }

    @Override
    public TrainingLoop.Scored score(INDArray x, INDArray y) {
        return plan.score(x, y, SCORING_ROWS, (from, count) -> {
            Buffers b = buffers(count);
            load(x.get(NDArrayIndex.interval(from, from + count), NDArrayIndex.all()), b);
            forward(b, count);
            return output;
        });
    }

    /** The batch's inputs into the native input array. */
    private void load(INDArray x, Buffers b) {
        float[] values = SmallNetworkStep.floats(x);
        b.inputView().put(0, values, 0, values.length);
    }

    /** Each layer's activations into the batch's arrays; the network's outputs into {@link #output}. */
    private void forward(Buffers b, int rows) {
        int[] weights = plan.weights();
        int[] biases = plan.biases();
        int layers = width.length - 1;
        FloatPointer input = b.input();
        for (int l = 0; l < layers; l++) {
            int n = width[l];
            int outputs = width[l + 1];
            // input . W: W is outputs x n in the parameters' layout
            cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasTrans, rows, outputs, n, 1f, input, n,
                    at(params, weights[l]), n, 0f, b.out()[l], outputs);
            if (l < layers - 1) {
                float[] o = b.heapOut()[l];
                b.outView()[l].get(0, o, 0, rows * outputs);
                plan.hidden()[l].applyWithBias(o, rows, outputs, p, biases[l]);
                b.outView()[l].put(0, o, 0, rows * outputs);
            } else {
                if (output.length < rows * outputs) {
                    output = new float[rows * outputs];
                }
                b.outView()[l].get(0, output, 0, rows * outputs);
                plan.outputLayer(output, rows, p);
            }
            input = b.out()[l];
        }
    }

    private Buffers buffers(int rows) {
        return buffers.computeIfAbsent(rows, this::allocate);
    }

    private Buffers allocate(int rows) {
        int layers = width.length - 1;
        FloatPointer[] out = new FloatPointer[layers];
        FloatPointer[] delta = new FloatPointer[layers];
        FloatBuffer[] outView = new FloatBuffer[layers];
        FloatBuffer[] deltaView = new FloatBuffer[layers];
        float[][] heapOut = new float[layers][];
        float[][] heapDelta = new float[layers][];
        for (int l = 0; l < layers; l++) {
            int size = rows * width[l + 1];
            out[l] = new FloatPointer(size);
            delta[l] = new FloatPointer(size);
            outView[l] = view(out[l], size);
            deltaView[l] = view(delta[l], size);
            heapOut[l] = new float[size];
            heapDelta[l] = new float[size];
        }
        FloatPointer input = new FloatPointer((long) rows * width[0]);
        return new Buffers(out, delta, outView, deltaView, heapOut, heapDelta, input, view(input, rows * width[0]));
    }

    private static FloatBuffer view(FloatPointer pointer, int size) {
        return pointer.limit(size).asByteBuffer().order(ByteOrder.nativeOrder()).asFloatBuffer();
    }

    /** The array from element {@code offset} on, for BLAS. */
    private static FloatPointer at(FloatPointer base, int offset) {
        return new FloatPointer(base).position(base.position() + offset);
    }
}
