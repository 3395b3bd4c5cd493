package io.jenkins.plugins.mlops.train;

import java.nio.FloatBuffer;
import org.deeplearning4j.nn.api.Updater;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.updater.BaseMultiLayerUpdater;
import org.deeplearning4j.nn.updater.UpdaterBlock;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.learning.AdamUpdater;
import org.nd4j.linalg.learning.config.Adam;

/**
 * DL4J's Adam step computed in Java over the arrays' native memory: ND4J M2.1's fused
 * {@code adam_updater} op runs a scalar loop, about 0.9 ms for the benchmark's 79 k parameters (a
 * tenth of a training step), and composing it from ND4J's element-wise ops is no better (each op
 * that allocates costs ~150 µs); this loop takes a few tens of µs. Same configuration, same state
 * arrays, the op's formula and float arithmetic (bias correction folded into the step size);
 * installed for training only, like {@link TrainingDenseLayer}. Arrays that are not contiguous
 * floats keep the op.
 */
final class TrainingAdam extends AdamUpdater {
    private float[] g = new float[0];
    private float[] m = g;
    private float[] v = g;

    private TrainingAdam(Adam config) {
        super(config);
    }

    /** Replaces the Adam state of every updater block of an initialised network, keeping its arrays. */
    static void install(MultiLayerNetwork net) {
        Updater updater = net.getUpdater();
        if (!(updater instanceof BaseMultiLayerUpdater<?> blocks)) {
            return;
        }
        for (UpdaterBlock block : blocks.getUpdaterBlocks()) {
            if (block.getGradientUpdater() != null && block.getGradientUpdater().getClass() == AdamUpdater.class) {
                block.setGradientUpdater(of((AdamUpdater) block.getGradientUpdater()));
            }
        }
    }

    /** Ours, on DL4J's state arrays. */
    static TrainingAdam of(AdamUpdater dl4j) {
        TrainingAdam adam = new TrainingAdam(dl4j.getConfig());
        adam.setM(dl4j.getM());
        adam.setV(dl4j.getV());
        adam.setGradientReshapeOrder(dl4j.getGradientReshapeOrder());
        return adam;
    }

    @Override
    public void applyUpdater(INDArray gradient, int iteration, int epoch) {
        INDArray mState = getM();
        INDArray vState = getV();
        int n = (int) vState.length();
        if (!contiguousFloats(gradient, n) || !contiguousFloats(mState, n) || !contiguousFloats(vState, n)) {
            super.applyUpdater(gradient, iteration, epoch);
            return;
        }
        if (g.length != n) {
            g = new float[n];
            m = new float[n];
            v = new float[n];
        }
        read(gradient, g);
        read(mState, m);
        read(vState, v);
        step(getConfig(), iteration, epoch, g, m, v);
        write(m, mState);
        write(v, vState);
        write(g, gradient);
    }

    /**
     * One Adam step over float arrays: updates the moments {@code m} and {@code v} and turns the gradient
     * {@code g} into the update to subtract from the parameters.
     */
    static void step(Adam config, int iteration, int epoch, float[] g, float[] m, float[] v) {
        // in float, as the op computes them: 1 - 0.999f is 1.3e-5 away from 0.001
        float beta1 = (float) config.getBeta1();
        float beta2 = (float) config.getBeta2();
        float epsilon = (float) config.getEpsilon();
        float beta1T = (float) Math.pow(beta1, iteration + 1f);
        float beta2T = (float) Math.pow(beta2, iteration + 1f);
        // the op counts iterations from 1 and falls back to epsilon when the correction is degenerate
        float step = (float) config.getLearningRate(iteration, epoch) * (float) Math.sqrt(1f - beta2T) / (1f - beta1T);
        if (!Float.isFinite(step) || step == 0) {
            step = epsilon;
        }
        for (int i = 0; i < g.length; i++) {
            m[i] = beta1 * m[i] + g[i] * (1 - beta1);
            v[i] = beta2 * v[i] + g[i] * g[i] * (1 - beta2);
            g[i] = (m[i] * step) / ((float) Math.sqrt(v[i]) + epsilon);
        }
    }

    private static boolean contiguousFloats(INDArray array, int length) {
        return array.dataType() == DataType.FLOAT && array.length() == length && array.elementWiseStride() == 1;
    }

    private static void read(INDArray array, float[] into) {
        array.data().asNioFloat().get((int) array.offset(), into);
    }

    private static void write(float[] from, INDArray array) {
        FloatBuffer target = array.data().asNioFloat();
        target.put((int) array.offset(), from);
    }
}
