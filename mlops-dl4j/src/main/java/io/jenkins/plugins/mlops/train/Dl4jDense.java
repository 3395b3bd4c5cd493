package io.jenkins.plugins.mlops.train;

import io.jenkins.plugins.mlops.model.DenseNetwork;
import io.jenkins.plugins.mlops.model.Network;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.FeedForwardLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.params.BatchNormalizationParamInitializer;
import org.deeplearning4j.nn.params.DefaultParamInitializer;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.activations.impl.ActivationELU;
import org.nd4j.linalg.activations.impl.ActivationIdentity;
import org.nd4j.linalg.activations.impl.ActivationLReLU;
import org.nd4j.linalg.activations.impl.ActivationReLU;
import org.nd4j.linalg.activations.impl.ActivationSELU;
import org.nd4j.linalg.activations.impl.ActivationSigmoid;
import org.nd4j.linalg.activations.impl.ActivationSoftmax;
import org.nd4j.linalg.activations.impl.ActivationSwish;
import org.nd4j.linalg.activations.impl.ActivationTanH;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Turns a trained DL4J network of dense, batch-normalisation and output layers into a
 * {@link DenseNetwork}, and keeps it only if it reproduces DL4J's outputs on probe rows: a layer or
 * activation it does not know (GELU, a capped ReLU, ...) or any disagreement leaves the network to
 * DL4J. Serving then scores a row in microseconds instead of DL4J's per-call overhead.
 */
final class Dl4jDense {
    /** Outputs live on the standardised or probability scale: a float's rounding is far below this. */
    static final double TOLERANCE = 1e-4;
    private static final int PROBE_ROWS = 32;

    private Dl4jDense() {
    }

    /** The plain-Java network when it computes what {@code dl4j} computes; otherwise {@code dl4j}. */
    static Network fastest(MultiLayerNetwork net, Network dl4j) {
        return convert(net).filter(dense -> reproduces(dense, dl4j, inputWidth(net))).<Network>map(d -> d).orElse(dl4j);
    }

    static Optional<DenseNetwork> convert(MultiLayerNetwork net) {
        List<DenseNetwork.Step> steps = new ArrayList<>();
        for (Layer layer : net.getLayers()) {
            org.deeplearning4j.nn.conf.layers.Layer conf = layer.conf().getLayer();
            if (conf instanceof BatchNormalization bn) {
                // DL4J's layer does not apply the activation its configuration carries (sigmoid by default)
                steps.add(batchNorm(layer, bn));
                continue;
            }
            if (conf instanceof DenseLayer || conf instanceof OutputLayer) {
                steps.add(affine(layer.getParam(DefaultParamInitializer.WEIGHT_KEY),
                        layer.getParam(DefaultParamInitializer.BIAS_KEY)));
            } else {
                return Optional.empty();
            }
            Optional<DenseNetwork.Step> activation = activation(((BaseLayer) conf).getActivationFn());
            if (activation.isEmpty()) {
                return Optional.empty();
            }
            steps.add(activation.get());
        }
        return Optional.of(new DenseNetwork(steps));
    }

    /** DL4J keeps W as [nIn, nOut]; the affine step wants each output's weights in a row. */
    private static DenseNetwork.Affine affine(INDArray w, INDArray b) {
        int in = (int) w.rows();
        int out = (int) w.columns();
        float[][] byInput = w.castTo(DataType.FLOAT).toFloatMatrix();
        float[] weights = new float[in * out];
        for (int i = 0; i < in; i++) {
            for (int o = 0; o < out; o++) {
                weights[o * in + i] = byInput[i][o];
            }
        }
        return new DenseNetwork.Affine(in, out, weights, vector(b));
    }

    /**
     * At inference: {@code gamma (x - mean) / sqrt(var + eps) + beta}, folded into one scale and
     * shift. With {@code useLogStd} DL4J stores log10 of the standard deviation without eps.
     */
    private static DenseNetwork.ScaleShift batchNorm(Layer layer, BatchNormalization bn) {
        float[] mean = vector(layer.getParam(BatchNormalizationParamInitializer.GLOBAL_MEAN));
        int n = mean.length;
        float[] std = new float[n];
        if (bn.isUseLogStd()) {
            float[] log10 = vector(layer.getParam(BatchNormalizationParamInitializer.GLOBAL_LOG_STD));
            for (int i = 0; i < n; i++) {
                std[i] = (float) Math.sqrt(Math.pow(10, 2.0 * log10[i]) + bn.getEps());
            }
        } else {
            float[] var = vector(layer.getParam(BatchNormalizationParamInitializer.GLOBAL_VAR));
            for (int i = 0; i < n; i++) {
                std[i] = (float) Math.sqrt(var[i] + bn.getEps());
            }
        }
        float[] gamma = bn.isLockGammaBeta() ? filled(n, bn.getGamma())
                : vector(layer.getParam(BatchNormalizationParamInitializer.GAMMA));
        float[] beta = bn.isLockGammaBeta() ? filled(n, bn.getBeta())
                : vector(layer.getParam(BatchNormalizationParamInitializer.BETA));
        float[] scale = new float[n];
        float[] shift = new float[n];
        for (int i = 0; i < n; i++) {
            scale[i] = gamma[i] / std[i];
            shift[i] = beta[i] - mean[i] * scale[i];
        }
        return new DenseNetwork.ScaleShift(scale, shift);
    }

    /** The activations the training spec offers, with DL4J's parameters; empty for any other. */
    static Optional<DenseNetwork.Step> activation(IActivation fn) {
        if (fn instanceof ActivationReLU relu) {
            // DL4J's ReLU may carry a cap, threshold or slope: only the plain one is plain max(0, x)
            return relu.equals(new ActivationReLU()) ? Optional.of(DenseNetwork.relu()) : Optional.empty();
        }
        if (fn instanceof ActivationLReLU leaky) {
            return Optional.of(DenseNetwork.leakyRelu(leaky.getAlpha()));
        }
        if (fn instanceof ActivationELU elu) {
            return Optional.of(DenseNetwork.elu(elu.getAlpha()));
        }
        if (fn instanceof ActivationSoftmax) {
            return Optional.of(DenseNetwork.SOFTMAX);
        }
        return Optional.ofNullable(fn instanceof ActivationIdentity ? DenseNetwork.identity()
                : fn instanceof ActivationTanH ? DenseNetwork.tanh()
                : fn instanceof ActivationSigmoid ? DenseNetwork.sigmoid()
                : fn instanceof ActivationSELU ? DenseNetwork.selu()
                : fn instanceof ActivationSwish ? DenseNetwork.swish()
                : null);
    }

    /** Whether both give the same outputs on rows spread like standardised features. */
    static boolean reproduces(Network candidate, Network reference, int width) {
        SplittableRandom random = new SplittableRandom(2026);
        float[][] probe = new float[PROBE_ROWS][width];
        for (float[] row : probe) {
            for (int i = 0; i < width; i++) {
                row[i] = (float) (random.nextDouble(-3, 3));
            }
        }
        return DenseNetwork.largestDifference(candidate.output(probe), reference.output(probe)) <= TOLERANCE;
    }

    private static int inputWidth(MultiLayerNetwork net) {
        return (int) ((FeedForwardLayer) net.getLayer(0).conf().getLayer()).getNIn();
    }

    private static float[] vector(INDArray a) {
        return a.castTo(DataType.FLOAT).toFloatVector();
    }

    private static float[] filled(int n, double value) {
        float[] a = new float[n];
        Arrays.fill(a, (float) value);
        return a;
    }
}
