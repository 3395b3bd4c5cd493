package io.jenkins.plugins.mlops.drift;

import io.jenkins.plugins.mlops.data.Moments;
import io.jenkins.plugins.mlops.report.Html;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.statistics.inference.KolmogorovSmirnovTest;

/**
 * Numeric columns: the two-sample Kolmogorov–Smirnov test for significance, the Wasserstein-1
 * distance in reference standard deviations for the effect (PSI reported beside it).
 */
public final class KolmogorovSmirnovDrift implements DriftTest {
    @Override
    public Class<DriftDetector.Numeric> sampleType() {
        return DriftDetector.Numeric.class;
    }

    @Override
    public double effectFloor(DriftConfig config) {
        return config.numericEffectFloor();
    }

    @Override
    public ColumnDrift measure(DriftDetector.Sample sample, DriftConfig config) {
        DriftDetector.Numeric s = (DriftDetector.Numeric) sample;
        String threshold = config.pRule() + " and wasserstein/sd >= " + config.numericEffectFloor();
        ColumnDrift.SampleSizes sizes = new ColumnDrift.SampleSizes(s.reference().length, s.current().length);
        double[] ref = finite(s.reference());
        double[] cur = finite(s.current());
        double min = Math.min(min(ref), min(cur));
        double max = Math.max(max(ref), max(cur));
        List<String> labels = new ArrayList<>();
        for (int b = 0; b < BINS; b++) {
            labels.add(Html.number(min + (max - min) * b / BINS));
        }
        double[] refShare = shares(ref, min, max);
        double[] curShare = shares(cur, min, max);
        if (Math.min(ref.length, cur.length) < config.minSamples()) {
            return new ColumnDrift(s.column(), "ks", null, null, null, "wasserstein/sd", null, threshold, Map.of(), sizes,
                    DriftVerdict.INSUFFICIENT_DATA, labels, refShare, curShare);
        }
        KolmogorovSmirnovTest.TwoResult ks = KolmogorovSmirnovTest.withDefaults().test(ref, cur);
        double sd = Moments.of(ref).stddev();
        double w1 = wasserstein(ref, cur);
        double effect = sd > 0 ? w1 / sd : (w1 > 0 ? Double.POSITIVE_INFINITY : 0);
        Map<String, Double> distances = new LinkedHashMap<>();
        distances.put("wasserstein/sd", effect);
        distances.put("psi", psi(ref, cur));
        return new ColumnDrift(s.column(), "ks", ks.getStatistic(), ks.getPValue(), null, "wasserstein/sd", effect,
                threshold, distances, sizes, DriftVerdict.NO_DRIFT, labels, refShare, curShare);
    }

    /**
     * Population Stability Index over ten bins at the reference deciles, with shares floored at
     * 1e-4 so that an empty bin does not make it infinite. Reported, not decisive: its usual
     * 0.1 / 0.25 rules of thumb ignore sample size.
     */
    static double psi(double[] ref, double[] cur) {
        double[] sorted = ref.clone();
        Arrays.sort(sorted);
        double[] edges = new double[9];
        for (int i = 1; i <= 9; i++) {
            edges[i - 1] = sorted[(int) Math.min(sorted.length - 1, Math.floor(i * sorted.length / 10.0))];
        }
        double[] p = decileShares(ref, edges);
        double[] q = decileShares(cur, edges);
        double psi = 0;
        for (int b = 0; b < 10; b++) {
            double a = Math.max(p[b], 1e-4);
            double c = Math.max(q[b], 1e-4);
            psi += (c - a) * Math.log(c / a);
        }
        return psi;
    }

    private static double[] decileShares(double[] x, double[] edges) {
        double[] share = new double[10];
        for (double v : x) {
            // bins are closed on the right, so that values equal to an edge always land together
            int b = 0;
            while (b < edges.length && v > edges[b]) {
                b++;
            }
            share[b] += 1.0 / x.length;
        }
        return share;
    }

    /** Wasserstein-1 distance between two empirical distributions: the area between their CDFs. */
    static double wasserstein(double[] a, double[] b) {
        double[] x = a.clone();
        double[] y = b.clone();
        Arrays.sort(x);
        Arrays.sort(y);
        int i = 0;
        int j = 0;
        double area = 0;
        double prev = Math.min(x[0], y[0]);
        while (i < x.length || j < y.length) {
            double next = j >= y.length || (i < x.length && x[i] <= y[j]) ? x[i] : y[j];
            area += Math.abs((double) i / x.length - (double) j / y.length) * (next - prev);
            prev = next;
            while (i < x.length && x[i] == next) {
                i++;
            }
            while (j < y.length && y[j] == next) {
                j++;
            }
        }
        return area;
    }

    private static double[] finite(double[] x) {
        return Arrays.stream(x).filter(Double::isFinite).toArray();
    }

    private static double[] shares(double[] x, double min, double max) {
        double[] share = new double[BINS];
        for (double v : x) {
            int b = max > min ? (int) Math.min(BINS - 1, Math.max(0, (v - min) / (max - min) * BINS)) : 0;
            share[b] += 1.0 / x.length;
        }
        return share;
    }

    private static double min(double[] x) {
        return Arrays.stream(x).min().orElse(0);
    }

    private static double max(double[] x) {
        return Arrays.stream(x).max().orElse(0);
    }
}
