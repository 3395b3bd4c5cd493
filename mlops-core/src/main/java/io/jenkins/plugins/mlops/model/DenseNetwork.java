package io.jenkins.plugins.mlops.model;

import java.util.List;
import java.util.function.DoubleUnaryOperator;

/**
 * A trained feed-forward network evaluated in plain Java: affine layers, per-unit scale and shift
 * (what a batch-normalisation layer is at inference), element-wise activations and softmax. For
 * the small dense networks this project trains, a row costs microseconds, where a native tensor
 * library spends about 200 µs per call on per-operation overhead (DL4J on one row, measured in the
 * serving benchmark) and makes the garbage collector work through its native-memory references.
 * The loader of a framework builds it from the trained network and keeps it only when it
 * reproduces that network's outputs; stateless, so any number of threads may share it.
 */
public final class DenseNetwork implements Network {
    /** One stage of the forward pass on one row. */
    public interface Step {
        float[] apply(float[] x);
    }

    /** {@code y = W x + b}, with {@code weights[o * in + i]}: each output's row contiguous. */
    public record Affine(int in, int out, float[] weights, float[] bias) implements Step {
        @Override
        public float[] apply(float[] x) {
            float[] y = new float[out];
            for (int o = 0; o < out; o++) {
                int row = o * in;
                // four independent sums: each add no longer waits for the one before (a third of the time)
                double s0 = bias[o];
                double s1 = 0;
                double s2 = 0;
                double s3 = 0;
                int i = 0;
                for (; i + 3 < in; i += 4) {
                    s0 += weights[row + i] * x[i];
                    s1 += weights[row + i + 1] * x[i + 1];
                    s2 += weights[row + i + 2] * x[i + 2];
                    s3 += weights[row + i + 3] * x[i + 3];
                }
                for (; i < in; i++) {
                    s0 += weights[row + i] * x[i];
                }
                y[o] = (float) ((s0 + s1) + (s2 + s3));
            }
            return y;
        }
    }

    /** {@code y = scale * x + shift}, unit by unit. */
    public record ScaleShift(float[] scale, float[] shift) implements Step {
        @Override
        public float[] apply(float[] x) {
            float[] y = new float[x.length];
            for (int i = 0; i < x.length; i++) {
                y[i] = scale[i] * x[i] + shift[i];
            }
            return y;
        }
    }

    /** The same function on every unit. */
    public record Elementwise(String name, DoubleUnaryOperator f) implements Step {
        @Override
        public float[] apply(float[] x) {
            float[] y = new float[x.length];
            for (int i = 0; i < x.length; i++) {
                y[i] = (float) f.applyAsDouble(x[i]);
            }
            return y;
        }
    }

    public static final Step SOFTMAX = x -> {
        double max = Double.NEGATIVE_INFINITY;
        for (float v : x) {
            max = Math.max(max, v);
        }
        double[] e = new double[x.length];
        double sum = 0;
        for (int i = 0; i < x.length; i++) {
            e[i] = Math.exp(x[i] - max);
            sum += e[i];
        }
        float[] y = new float[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = (float) (e[i] / sum);
        }
        return y;
    };

    public static Elementwise identity() {
        return new Elementwise("identity", x -> x);
    }

    public static Elementwise relu() {
        return new Elementwise("relu", x -> Math.max(0, x));
    }

    public static Elementwise leakyRelu(double alpha) {
        return new Elementwise("leakyrelu", x -> x >= 0 ? x : alpha * x);
    }

    public static Elementwise elu(double alpha) {
        return new Elementwise("elu", x -> x >= 0 ? x : alpha * Math.expm1(x));
    }

    /** Klambauer et al.'s constants, as every framework uses them. */
    public static Elementwise selu() {
        double lambda = 1.0507009873554804934193349852946;
        double alpha = 1.6732632423543772848170429916717;
        return new Elementwise("selu", x -> lambda * (x >= 0 ? x : alpha * Math.expm1(x)));
    }

    public static Elementwise tanh() {
        return new Elementwise("tanh", Math::tanh);
    }

    public static Elementwise sigmoid() {
        return new Elementwise("sigmoid", DenseNetwork::logistic);
    }

    public static Elementwise swish() {
        return new Elementwise("swish", x -> x * logistic(x));
    }

    private static double logistic(double x) {
        return 1 / (1 + Math.exp(-x));
    }

    private final List<Step> steps;

    public DenseNetwork(List<Step> steps) {
        this.steps = List.copyOf(steps);
    }

    @Override
    public float[][] output(float[][] inputs) {
        float[][] out = new float[inputs.length][];
        for (int r = 0; r < inputs.length; r++) {
            float[] x = inputs[r];
            for (Step step : steps) {
                x = step.apply(x);
            }
            out[r] = x;
        }
        return out;
    }

    /** The largest absolute difference between two networks' outputs on the same rows. */
    public static double largestDifference(float[][] a, float[][] b) {
        double worst = 0;
        for (int r = 0; r < a.length; r++) {
            if (a[r].length != b[r].length) {
                return Double.POSITIVE_INFINITY;
            }
            for (int c = 0; c < a[r].length; c++) {
                double d = Math.abs(a[r][c] - b[r][c]);
                worst = Double.isNaN(d) ? Double.POSITIVE_INFINITY : Math.max(worst, d);
            }
        }
        return worst;
    }
}
