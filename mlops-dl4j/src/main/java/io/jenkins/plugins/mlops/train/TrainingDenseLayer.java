package io.jenkins.plugins.mlops.train;

import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.gradient.DefaultGradient;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.layers.feedforward.dense.DenseLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.params.DefaultParamInitializer;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.activations.impl.ActivationReLU;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * DL4J's dense layer with the same mathematics and a cheaper training pass; in place of DL4J's own
 * implementation only while a network trains ({@link #install}, {@link #restore}), and the
 * configuration, which is what is saved, stays DL4J's DenseLayer.
 * Measured on the 50-256-256-2 benchmark (one thread), DL4J M2.1 spends as much time around its
 * GEMMs as in them:
 * <ul>
 * <li>{@code input.mmuli(W, z)} computes into an f-order temporary and then copies it into the
 * c-order activations with a transposing assign as costly as the GEMM; {@code Nd4j.gemm} writes a
 * c-order result directly.</li>
 * <li>Backprop recomputes the pre-activations with a second forward GEMM. For the plain ReLU the
 * derivative is known from the forward output (z &gt; 0 exactly where relu(z) &gt; 0), so the
 * output of the training forward pass is kept and the recomputation skipped.</li>
 * <li>The bias gradient, a column sum of a c-order array, is a strided reduction, and adding the
 * bias a broadcast op of the same cost; as GEMMs with a row or column of ones both are cheap.</li>
 * <li>The first layer returns no gradient for the network's input (see backpropGradient).</li>
 * </ul>
 * Layer normalisation keeps DL4J's own code. Gradients agree with DL4J's to float rounding
 * (TrainingDenseLayerTest); training stays deterministic because every run takes the same path.
 */
final class TrainingDenseLayer extends DenseLayer {
    private static final ActivationReLU PLAIN_RELU = new ActivationReLU();

    /** The input and output of the last training forward pass, when the derivative can be read off the output. */
    private INDArray forwardInput;
    private INDArray forwardOutput;
    /** A row of as many ones as the batch has rows, outside any workspace. */
    private INDArray ones;

    private TrainingDenseLayer(NeuralNetConfiguration conf, DataType dataType) {
        super(conf, dataType);
    }

    /**
     * Replaces DL4J's dense layers of an initialised network that has not been trained yet, sharing
     * their parameter and gradient views (so the updater and saving see the same arrays). For training
     * only: the network no longer returns the gradient of its input until {@link #restore}.
     *
     * @return the network's own layers, for {@link #restore}
     */
    static Layer[] install(MultiLayerNetwork net) {
        Layer[] dl4jLayers = net.getLayers().clone();
        Layer[] layers = net.getLayers();
        for (int i = 0; i < layers.length; i++) {
            Layer dl4j = layers[i];
            if (dl4j.getClass() != DenseLayer.class) {
                continue;
            }
            TrainingDenseLayer layer = new TrainingDenseLayer(dl4j.conf(), dl4j.params().dataType());
            layer.setListeners(dl4j.getListeners());
            layer.setIndex(dl4j.getIndex());
            layer.setParamsViewArray(dl4j.params());
            layer.setParamTable(dl4j.paramTable());
            if (dl4j.getGradientsViewArray() != null) {
                layer.setBackpropGradientsViewArray(dl4j.getGradientsViewArray());
            }
            // as MultiLayerNetwork.init(): only the first layer's input belongs to the caller
            layer.allowInputModification(i > 0);
            layers[i] = layer;
        }
        net.setLayers(layers);
        return dl4jLayers;
    }

    /** Puts DL4J's own layers back after training, with the gradient views training gave ours. */
    static void restore(MultiLayerNetwork net, Layer[] dl4jLayers) {
        Layer[] layers = net.getLayers();
        for (int i = 0; i < layers.length; i++) {
            if (layers[i] instanceof TrainingDenseLayer ours && ours.getGradientsViewArray() != null) {
                dl4jLayers[i].setBackpropGradientsViewArray(ours.getGradientsViewArray());
            }
        }
        net.setLayers(dl4jLayers.clone());
    }

    @Override
    protected Pair<INDArray, INDArray> preOutputWithPreNorm(boolean training, boolean forBackprop,
                                                            LayerWorkspaceMgr workspaceMgr) {
        if (hasLayerNorm()) {
            return super.preOutputWithPreNorm(training, forBackprop, workspaceMgr);
        }
        assertInputSet(forBackprop);
        applyDropOutIfNecessary(training, workspaceMgr);
        INDArray w = getParamWithNoise(DefaultParamInitializer.WEIGHT_KEY, training, workspaceMgr);
        INDArray x = input.castTo(w.dataType());
        if (x.rank() != 2 || x.columns() != w.rows()) {
            // DL4J's own checks and messages
            return super.preOutputWithPreNorm(training, forBackprop, workspaceMgr);
        }
        INDArray z = workspaceMgr.createUninitialized(ArrayType.ACTIVATIONS, w.dataType(), x.size(0), w.size(1));
        Nd4j.gemm(x, w, z, false, false, 1.0, 0.0);
        if (hasBias()) {
            // z += ones · b, a rank-one GEMM: the same single rounding as a broadcast add, at a fraction of its cost
            INDArray b = getParamWithNoise(DefaultParamInitializer.BIAS_KEY, training, workspaceMgr);
            Nd4j.gemm(ones(x.size(0)).reshape(x.size(0), 1), b.reshape(1, b.length()), z, false, false, 1.0, 1.0);
        }
        if (maskArray != null) {
            applyMask(z);
        }
        return new Pair<>(z, z);
    }

    @Override
    public INDArray activate(boolean training, LayerWorkspaceMgr workspaceMgr) {
        INDArray out = super.activate(training, workspaceMgr);
        boolean reusable = training && !hasLayerNorm() && PLAIN_RELU.equals(layerConf().getActivationFn());
        forwardInput = reusable ? input : null;
        forwardOutput = reusable ? out : null;
        return out;
    }

    @Override
    public Pair<Gradient, INDArray> backpropGradient(INDArray epsilon, LayerWorkspaceMgr workspaceMgr) {
        if (hasLayerNorm()) {
            return super.backpropGradient(epsilon, workspaceMgr);
        }
        assertInputSet(true);
        INDArray delta;
        // the kept output belongs to this input (the same object, dropout applied) or is stale
        if (forwardOutput != null && forwardInput == input) {
            delta = Transforms.step(forwardOutput, true).muli(epsilon);
        } else {
            INDArray z = preOutputWithPreNorm(true, true, workspaceMgr).getFirst();
            delta = layerConf().getActivationFn().backprop(z, epsilon).getFirst();
        }
        forwardInput = null;
        forwardOutput = null;
        if (maskArray != null) {
            applyMask(delta);
        }
        Gradient gradient = new DefaultGradient();
        if (hasBias()) {
            INDArray biasGrad = gradientViews.get(DefaultParamInitializer.BIAS_KEY);
            Nd4j.gemm(ones(delta.size(0)), delta, biasGrad.reshape(1, biasGrad.length()), false, false, 1.0, 0.0);
            gradient.gradientForVariable().put(DefaultParamInitializer.BIAS_KEY, biasGrad);
        }
        INDArray epsilonNext = null;
        // no layer below the first needs the gradient of the network's input: training never asks for it
        // (DL4J's own embedding layer returns none either), and it would be a GEMM as large as the forward one
        if (getIndex() > 0) {
            INDArray w = getParamWithNoise(DefaultParamInitializer.WEIGHT_KEY, true, workspaceMgr);
            epsilonNext = workspaceMgr.createUninitialized(ArrayType.ACTIVATION_GRAD, delta.dataType(),
                    new long[] {w.size(0), delta.size(0)}, 'f');
            epsilonNext = backpropDropOutIfPresent(w.mmuli(delta.transpose(), epsilonNext).transpose());
        }
        INDArray weightGrad = gradientViews.get(DefaultParamInitializer.WEIGHT_KEY);
        Nd4j.gemm(input.castTo(weightGrad.dataType()), delta, weightGrad, true, false, 1.0, 0.0);
        gradient.gradientForVariable().put(DefaultParamInitializer.WEIGHT_KEY, weightGrad);
        weightNoiseParams.clear();
        return new Pair<>(gradient, epsilonNext);
    }

    /** A row of ones for a batch of this many rows (reshaped, the column). */
    private INDArray ones(long rows) {
        if (ones == null || ones.columns() != rows) {
            try (MemoryWorkspace outside = Nd4j.getMemoryManager().scopeOutOfWorkspaces()) {
                ones = Nd4j.ones(dataType, 1, rows);
            }
        }
        return ones;
    }

    @Override
    public void clear() {
        super.clear();
        forwardInput = null;
        forwardOutput = null;
    }
}
