package io.jenkins.plugins.mlops.train;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.BackpropType;
import org.deeplearning4j.nn.conf.GradientNormalization;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.gradient.DefaultGradient;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.params.DefaultParamInitializer;
import org.deeplearning4j.nn.updater.BaseMultiLayerUpdater;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.activations.impl.ActivationReLU;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.memory.conf.WorkspaceConfiguration;
import org.nd4j.linalg.api.memory.enums.AllocationPolicy;
import org.nd4j.linalg.api.memory.enums.LearningPolicy;
import org.nd4j.linalg.api.memory.enums.ResetPolicy;
import org.nd4j.linalg.api.memory.enums.SpillPolicy;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.lossfunctions.ILossFunction;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * One mini-batch step of a network of plain dense layers under an output layer, on arrays allocated
 * once: the same operations as DL4J's {@code fit} (the layers' activation functions forward and back,
 * the output layer's loss function for the score and its gradient, DL4J's own updater for the division
 * by the batch size, regularisation and Adam, then {@code params -= update}), without what fit does
 * around them. On the 50-256-256-2 benchmark fit spent about as long around its GEMMs as in them:
 * workspaces opened and closed per layer, a Gradient map per layer, and a fresh native array for every
 * intermediate result, each allocation reading the process's memory use for JavaCPP's accounting.
 * Biases are added and summed by GEMMs with a column or row of ones, as in {@link TrainingDenseLayer}.
 *
 * <p>Only for what it computes exactly as fit does: dense layers without dropout, weight noise, layer
 * normalisation, gradient normalisation or constraints, an {@code OutputLayer}, no input preprocessors,
 * no listeners; {@link #of} returns null for any other network, which then trains with fit.
 * Deterministic as fit is: the same operations in the same order on every run.
 */
final class DirectTrainingStep implements BatchTrainer {
    /** Weights, bias and their gradient views (into the network's flat arrays), and the activation. */
    private record Dense(INDArray w, INDArray b, INDArray weightGrad, INDArray biasGrad, IActivation activation) {
        /**
         * ReLU's derivative is 1 exactly where its output is positive: a step function of the output and a
         * product, where DL4J's ReLU backprop op costs as much as five such passes.
         */
        private static final ActivationReLU PLAIN_RELU = new ActivationReLU();

        long units() {
            return b.length();
        }

        boolean plainRelu() {
            return PLAIN_RELU.equals(activation);
        }
    }

    /** The arrays of one batch size: per layer the pre-activations, the activations and the gradient of its input. */
    private record Buffers(long rows, INDArray ones, INDArray[] z, INDArray[] a, INDArray[] epsilon) {
    }

    private static final WorkspaceConfiguration SCRATCH = WorkspaceConfiguration.builder().initialSize(0)
            .overallocationLimit(0.1).policyAllocation(AllocationPolicy.OVERALLOCATE)
            .policyLearning(LearningPolicy.FIRST_LOOP).policyReset(ResetPolicy.BLOCK_LEFT)
            .policySpill(SpillPolicy.REALLOCATE).build();
    private static final String SCRATCH_ID = "mlops-direct-training-step";
    /** Rows scored at a time: arrays that stay in the cache, GEMMs as large as training's. */
    private static final long SCORING_ROWS = 1024;

    private final MultiLayerNetwork net;
    private final Dense[] layers;
    private final ILossFunction loss;
    private final BaseMultiLayerUpdater<?> updater;
    private final Gradient gradient;
    /** The flat gradient in the shape of the flat parameters, for the step. */
    private final INDArray update;
    private final boolean regularised;
    private final LayerWorkspaceMgr noWorkspaces = LayerWorkspaceMgr.noWorkspaces();
    /**
     * By batch rows: full batches, the epoch's last, shorter one, and the last batches of scoring the
     * hold-out and validation rows.
     */
    private final Map<Long, Buffers> buffers = new HashMap<>();

    private DirectTrainingStep(MultiLayerNetwork net, Dense[] layers, ILossFunction loss, BaseMultiLayerUpdater<?> updater,
                               boolean regularised) {
        this.net = net;
        this.layers = layers;
        this.loss = loss;
        this.updater = updater;
        this.gradient = new DefaultGradient(net.getFlattenedGradients());
        this.update = net.getFlattenedGradients().reshape(net.params().shape());
        this.regularised = regularised;
    }

    /** The step for an initialised network, or null when fit must train it (see the class comment). */
    static DirectTrainingStep of(MultiLayerNetwork net) {
        if (!plainNetwork(net) || !(net.getUpdater() instanceof BaseMultiLayerUpdater<?> updater)) {
            return null;
        }
        if (net.getFlattenedGradients() == null) {
            net.initGradientsView();
        }
        Layer[] netLayers = net.getLayers();
        Dense[] layers = new Dense[netLayers.length];
        boolean regularised = false;
        for (int i = 0; i < netLayers.length; i++) {
            Layer layer = netLayers[i];
            BaseLayer base = (BaseLayer) layer.conf().getLayer();
            regularised |= regularised(base);
            Map<String, INDArray> grads = DefaultParamInitializer.getInstance()
                    .getGradientsFromFlattened(layer.conf(), layer.getGradientsViewArray());
            layers[i] = new Dense(layer.getParam(DefaultParamInitializer.WEIGHT_KEY),
                    layer.getParam(DefaultParamInitializer.BIAS_KEY), grads.get(DefaultParamInitializer.WEIGHT_KEY),
                    grads.get(DefaultParamInitializer.BIAS_KEY), base.getActivationFn());
        }
        ILossFunction loss = ((OutputLayer) netLayers[netLayers.length - 1].conf().getLayer()).getLossFn();
        return new DirectTrainingStep(net, layers, loss, updater, regularised);
    }

    /**
     * Whether the network is dense layers with biases under an {@code OutputLayer}, trained in mini-batches,
     * without dropout, weight noise, layer or gradient normalisation, constraints, preprocessors or
     * listeners: what a step outside fit can compute exactly as fit does.
     */
    static boolean plainNetwork(MultiLayerNetwork net) {
        MultiLayerConfiguration conf = net.getLayerWiseConfigurations();
        if (conf.getBackpropType() != BackpropType.Standard || !conf.getInputPreProcessors().isEmpty()
                || !net.getListeners().isEmpty()) {
            return false;
        }
        Layer[] layers = net.getLayers();
        for (int i = 0; i < layers.length; i++) {
            org.deeplearning4j.nn.conf.layers.Layer config = layers[i].conf().getLayer();
            boolean last = i == layers.length - 1;
            if (config.getClass() != (last ? OutputLayer.class : DenseLayer.class) || !plain((BaseLayer) config)
                    || !layers[i].conf().isMiniBatch() || !last && ((DenseLayer) config).hasLayerNorm()
                    || last && !((OutputLayer) config).hasBias() || !last && !((DenseLayer) config).hasBias()) {
                return false;
            }
        }
        return true;
    }

    static boolean regularised(BaseLayer config) {
        return !isEmpty(config.getRegularization()) || !isEmpty(config.getRegularizationBias());
    }

    private static boolean plain(BaseLayer config) {
        return config.getIDropout() == null && config.getWeightNoise() == null && isEmpty(config.getConstraints())
                && (config.getGradientNormalization() == null
                || config.getGradientNormalization() == GradientNormalization.None);
    }

    private static boolean isEmpty(List<?> list) {
        return list == null || list.isEmpty();
    }

    @Override
    public double fit(INDArray x, INDArray y) {
        Buffers buffers = buffers(x.rows());
        // what the activation and loss functions and the updater allocate lives for one step: a workspace
        // reuses that memory, where fresh native arrays would each be a malloc freed only by a GC
        try (MemoryWorkspace scratch = Nd4j.getWorkspaceManager().getAndActivateWorkspace(SCRATCH, SCRATCH_ID)) {
            return step(x, y, buffers);
        }
    }

    private double step(INDArray x, INDArray y, Buffers buffers) {
        INDArray[] inputs = new INDArray[layers.length];
        int out = layers.length - 1;
        forward(x, buffers, true, inputs);
        INDArray zOut = buffers.z()[out];
        double score = loss.computeScore(y, zOut, layers[out].activation(), null, false) / buffers.rows()
                + (regularised ? net.calcRegularizationScore(true) : 0);
        INDArray delta = loss.computeGradient(y, zOut, layers[out].activation(), null);
        for (int l = out; l >= 0; l--) {
            Dense layer = layers[l];
            if (l < out) {
                // the layer above has used this layer's output (its input) for its weight gradient: free to overwrite
                delta = layer.plainRelu() ? Transforms.step(inputs[l + 1], false).muli(buffers.epsilon()[l])
                        : layer.activation().backprop(buffers.z()[l], buffers.epsilon()[l]).getFirst();
            }
            Nd4j.gemm(inputs[l], delta, layer.weightGrad(), true, false, 1.0, 0.0);
            Nd4j.gemm(buffers.ones(), delta, layer.biasGrad().reshape(1, layer.units()), false, false, 1.0, 0.0);
            if (l > 0) {
                // no layer below the first needs the gradient of the network's input
                Nd4j.gemm(delta, layer.w(), buffers.epsilon()[l - 1], false, true, 1.0, 0.0);
            }
        }
        int iteration = net.getIterationCount();
        updater.update(gradient, iteration, net.getEpochCount(), (int) buffers.rows(), noWorkspaces);
        net.params().subi(update);
        net.setIterationCount(iteration + 1);
        return score;
    }

    /**
     * The output layer's pre-activations for a batch; {@code inputs[l]} receives layer l's input. The
     * activations work in place; the pre-activations stay for their derivative, except for the plain ReLU,
     * whose derivative is read off its output.
     */
    private INDArray forward(INDArray x, Buffers buffers, boolean training, INDArray[] inputs) {
        INDArray input = x;
        int out = layers.length - 1;
        for (int l = 0; l <= out; l++) {
            Dense layer = layers[l];
            inputs[l] = input;
            INDArray z = buffers.z()[l];
            Nd4j.gemm(input, layer.w(), z, false, false, 1.0, 0.0);
            Nd4j.gemm(buffers.ones().reshape(buffers.rows(), 1), layer.b().reshape(1, layer.units()), z, false, false,
                    1.0, 1.0);
            if (l < out) {
                input = layer.activation().getActivation(layer.plainRelu() ? z : buffers.a()[l].assign(z), training);
            }
        }
        return buffers.z()[out];
    }

    /** A batch at a time on the step's arrays, where a pass over all rows at once allocates activations for all. */
    @Override
    public TrainingLoop.Scored score(INDArray x, INDArray y) {
        long rows = x.rows();
        long batch = Math.min(rows, SCORING_ROWS);
        INDArray output;
        try (MemoryWorkspace outside = Nd4j.getMemoryManager().scopeOutOfWorkspaces()) {
            output = Nd4j.createUninitialized(layers[0].w().dataType(), rows, layers[layers.length - 1].units());
        }
        double sum = 0;
        INDArray[] inputs = new INDArray[layers.length];
        IActivation outputActivation = layers[layers.length - 1].activation();
        for (long from = 0; from < rows; from += batch) {
            long to = Math.min(rows, from + batch);
            INDArray bx = x.get(NDArrayIndex.interval(from, to), NDArrayIndex.all());
            INDArray by = y.get(NDArrayIndex.interval(from, to), NDArrayIndex.all());
            Buffers buffers = buffers(to - from);
            try (MemoryWorkspace scratch = Nd4j.getWorkspaceManager().getAndActivateWorkspace(SCRATCH, SCRATCH_ID)) {
                INDArray z = forward(bx, buffers, false, inputs);
                sum += loss.computeScore(by, z, outputActivation, null, false);
                output.get(NDArrayIndex.interval(from, to), NDArrayIndex.all())
                        .assign(outputActivation.getActivation(z.dup(), false));
            }
        }
        return new TrainingLoop.Scored(sum / rows + (regularised ? net.calcRegularizationScore(true) : 0), output);
    }

    private Buffers buffers(long rows) {
        return buffers.computeIfAbsent(rows, this::allocate);
    }

    private Buffers allocate(long rows) {
        try (MemoryWorkspace outside = Nd4j.getMemoryManager().scopeOutOfWorkspaces()) {
            INDArray[] z = new INDArray[layers.length];
            INDArray[] a = new INDArray[layers.length];
            INDArray[] epsilon = new INDArray[layers.length];
            for (int l = 0; l < layers.length; l++) {
                INDArray w = layers[l].w();
                z[l] = Nd4j.createUninitialized(w.dataType(), rows, layers[l].units());
                if (l < layers.length - 1) {
                    a[l] = layers[l].plainRelu() ? null : Nd4j.createUninitialized(w.dataType(), rows, layers[l].units());
                    epsilon[l] = Nd4j.createUninitialized(w.dataType(), rows, layers[l].units());
                }
            }
            return new Buffers(rows, Nd4j.ones(layers[0].w().dataType(), 1, rows), z, a, epsilon);
        }
    }
}
