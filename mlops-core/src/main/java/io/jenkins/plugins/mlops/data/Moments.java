package io.jenkins.plugins.mlops.data;

/** Count, mean and sample standard deviation of the finite values, in one pass (Welford). */
public record Moments(long count, double mean, double stddev) {
    public static Moments of(double[] values) {
        long n = 0;
        double mean = 0;
        double m2 = 0;
        for (double v : values) {
            if (Double.isFinite(v)) {
                n++;
                double delta = v - mean;
                mean += delta / n;
                m2 += delta * (v - mean);
            }
        }
        return new Moments(n, mean, n > 1 ? Math.sqrt(m2 / (n - 1)) : 0);
    }
}
