package io.jenkins.plugins.mlops.drift;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.statistics.inference.ChiSquareTest;
import org.apache.commons.statistics.inference.SignificanceResult;

/**
 * Categorical columns: the chi-square test of homogeneity (rare categories pooled) for
 * significance, the Jensen–Shannon distance for the effect (L∞, plain and Deequ-corrected, reported).
 */
public final class ChiSquareDrift implements DriftTest {
    /** A category with fewer expected counts than this is pooled into "(other)": chi-square's validity rule. */
    static final double MIN_EXPECTED = 5;
    /** Deequ's c(α) for the L∞ sample-size correction (Distance.scala, default). */
    static final double DEEQU_C_ALPHA = 1.8;

    @Override
    public Class<DriftDetector.Categorical> sampleType() {
        return DriftDetector.Categorical.class;
    }

    @Override
    public double effectFloor(DriftConfig config) {
        return config.categoricalEffectFloor();
    }

    @Override
    public ColumnDrift measure(DriftDetector.Sample sample, DriftConfig config) {
        DriftDetector.Categorical s = (DriftDetector.Categorical) sample;
        String threshold = config.pRule() + " and jensen-shannon >= " + config.categoricalEffectFloor();
        long n = s.reference().values().stream().mapToLong(Long::longValue).sum();
        long m = s.current().values().stream().mapToLong(Long::longValue).sum();
        ColumnDrift.SampleSizes sizes = new ColumnDrift.SampleSizes(n, m);
        TreeMap<String, long[]> table = new TreeMap<>();
        s.reference().forEach((k, v) -> table.computeIfAbsent(k, x -> new long[2])[0] = v);
        s.current().forEach((k, v) -> table.computeIfAbsent(k, x -> new long[2])[1] = v);
        List<String> labels = new ArrayList<>();
        List<double[]> shares = new ArrayList<>();
        table.entrySet().stream()
                .sorted(Comparator.comparingLong((Map.Entry<String, long[]> e) -> -(e.getValue()[0] + e.getValue()[1])))
                .limit(BINS)
                .forEach(e -> {
                    labels.add(e.getKey());
                    shares.add(new double[] {n == 0 ? 0 : e.getValue()[0] / (double) n,
                        m == 0 ? 0 : e.getValue()[1] / (double) m});
                });
        double[] refShare = shares.stream().mapToDouble(x -> x[0]).toArray();
        double[] curShare = shares.stream().mapToDouble(x -> x[1]).toArray();
        if (Math.min(n, m) < config.minSamples()) {
            return new ColumnDrift(s.column(), "chi2", null, null, null, "jensen-shannon", null, threshold, Map.of(),
                    sizes, DriftVerdict.INSUFFICIENT_DATA, labels, refShare, curShare);
        }
        long[][] pooled = pool(table, n, m);
        double statistic = 0;
        double p = 1;
        if (pooled[0].length >= 2) {
            SignificanceResult chi2 = ChiSquareTest.withDefaults().test(pooled);
            statistic = chi2.getStatistic();
            p = chi2.getPValue();
        }
        double effect = jensenShannon(table, n, m);
        double linf = 0;
        for (long[] c : table.values()) {
            linf = Math.max(linf, Math.abs(c[0] / (double) n - c[1] / (double) m));
        }
        Map<String, Double> distances = new LinkedHashMap<>();
        distances.put("jensen-shannon", effect);
        distances.put("linf", linf);
        distances.put("linf-robust", Math.max(0, linf - DEEQU_C_ALPHA * Math.sqrt((double) (n + m) / ((double) n * m))));
        return new ColumnDrift(s.column(), "chi2", statistic, p, null, "jensen-shannon", effect, threshold, distances,
                sizes, DriftVerdict.NO_DRIFT, labels, refShare, curShare);
    }

    /** A 2×k table where categories with too few expected counts are pooled into one "(other)" column. */
    static long[][] pool(Map<String, long[]> table, long n, long m) {
        Map<String, long[]> kept = new LinkedHashMap<>();
        long[] other = new long[2];
        double smaller = Math.min(n, m) / (double) (n + m);
        for (Map.Entry<String, long[]> e : table.entrySet()) {
            long total = e.getValue()[0] + e.getValue()[1];
            if (total * smaller >= MIN_EXPECTED) {
                kept.put(e.getKey(), e.getValue());
            } else {
                other[0] += e.getValue()[0];
                other[1] += e.getValue()[1];
            }
        }
        if (other[0] + other[1] > 0) {
            kept.put("(other)", other);
        }
        long[][] out = new long[2][kept.size()];
        int j = 0;
        for (long[] counts : kept.values()) {
            out[0][j] = counts[0];
            out[1][j] = counts[1];
            j++;
        }
        return out;
    }

    /** Jensen–Shannon distance (square root of the divergence, base 2), 0 = same, 1 = disjoint. */
    static double jensenShannon(Map<String, long[]> table, long n, long m) {
        double divergence = 0;
        for (long[] c : table.values()) {
            double p = c[0] / (double) n;
            double q = c[1] / (double) m;
            double mid = (p + q) / 2;
            if (p > 0) {
                divergence += 0.5 * p * Math.log(p / mid);
            }
            if (q > 0) {
                divergence += 0.5 * q * Math.log(q / mid);
            }
        }
        return Math.sqrt(Math.max(0, divergence / Math.log(2)));
    }
}
