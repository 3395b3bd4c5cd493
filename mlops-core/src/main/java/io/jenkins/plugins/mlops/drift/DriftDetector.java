package io.jenkins.plugins.mlops.drift;

import io.jenkins.plugins.mlops.data.Moments;
import io.jenkins.plugins.mlops.report.Html;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.statistics.inference.ChiSquareTest;
import org.apache.commons.statistics.inference.KolmogorovSmirnovTest;
import org.apache.commons.statistics.inference.SignificanceResult;

/** Compares columns of a current sample with a reference sample (see {@link DriftConfig}). */
public final class DriftDetector {
    /** A category with fewer expected counts than this is pooled into "(other)": chi-square's validity rule. */
    static final double MIN_EXPECTED = 5;
    /** Deequ's c(α) for the L∞ sample-size correction (Distance.scala, default). */
    static final double DEEQU_C_ALPHA = 1.8;
    private static final int BINS = 12;

    private final DriftConfig config;

    public DriftDetector(DriftConfig config) {
        this.config = config;
    }

    /** One column to compare: numeric values, or categorical value counts. */
    public sealed interface Sample permits Numeric, Categorical {
        String column();
    }

    public record Numeric(String column, double[] reference, double[] current) implements Sample {
    }

    public record Categorical(String column, Map<String, Long> reference, Map<String, Long> current) implements Sample {
    }

    /** Tests every column, then applies the multiple-testing correction across those tested. */
    public List<ColumnDrift> compare(List<Sample> samples) {
        List<ColumnDrift> raw = new ArrayList<>();
        for (Sample s : samples) {
            raw.add(s instanceof Numeric n ? numeric(n) : categorical((Categorical) s));
        }
        return decide(raw);
    }

    List<ColumnDrift> decide(List<ColumnDrift> raw) {
        List<Integer> tested = new ArrayList<>();
        for (int i = 0; i < raw.size(); i++) {
            if (raw.get(i).verdict() != DriftVerdict.INSUFFICIENT_DATA) {
                tested.add(i);
            }
        }
        double[] p = tested.stream().mapToDouble(i -> raw.get(i).pValue()).toArray();
        double[] adjusted = config.correction() == DriftConfig.Correction.BONFERRONI ? bonferroni(p) : benjaminiHochberg(p);
        List<ColumnDrift> out = new ArrayList<>(raw);
        for (int k = 0; k < tested.size(); k++) {
            ColumnDrift d = raw.get(tested.get(k));
            double floor = d.test().equals("ks") ? config.numericEffectFloor() : config.categoricalEffectFloor();
            boolean drift = adjusted[k] <= config.alpha() && d.effect() >= floor;
            out.set(tested.get(k), d.withDecision(adjusted[k], drift ? DriftVerdict.DRIFT : DriftVerdict.NO_DRIFT));
        }
        return out;
    }

    public static double[] bonferroni(double[] p) {
        return Arrays.stream(p).map(v -> Math.min(1, v * p.length)).toArray();
    }

    /** Benjamini–Hochberg step-up adjusted p-values, in the input order. */
    public static double[] benjaminiHochberg(double[] p) {
        int m = p.length;
        Integer[] order = new Integer[m];
        for (int i = 0; i < m; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingDouble(i -> p[i]));
        double[] adjusted = new double[m];
        double running = 1.0;
        for (int rank = m; rank >= 1; rank--) {
            int i = order[rank - 1];
            running = Math.min(running, p[i] * m / rank);
            adjusted[i] = running;
        }
        return adjusted;
    }

    ColumnDrift numeric(Numeric s) {
        String threshold = pRule() + " and wasserstein/sd >= " + config.numericEffectFloor();
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

    ColumnDrift categorical(Categorical s) {
        String threshold = pRule() + " and jensen-shannon >= " + config.categoricalEffectFloor();
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

    private String pRule() {
        return (config.correction() == DriftConfig.Correction.BONFERRONI ? "p_bonferroni" : "p_bh") + " <= "
                + config.alpha();
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
