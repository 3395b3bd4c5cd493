package io.jenkins.plugins.mlops.drift;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** Compares columns of a current sample with a reference sample (see {@link DriftConfig}). */
public final class DriftDetector {
    /** The tests, one per kind of column; the first that accepts a sample tests it. */
    static final List<DriftTest> TESTS = List.of(new KolmogorovSmirnovDrift(), new ChiSquareDrift());

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
        List<Double> floors = new ArrayList<>();
        for (Sample s : samples) {
            DriftTest test = testFor(s);
            raw.add(test.measure(s, config));
            floors.add(test.effectFloor(config));
        }
        return decide(raw, floors);
    }

    static DriftTest testFor(Sample sample) {
        return TESTS.stream().filter(t -> t.accepts(sample)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no drift test for " + sample));
    }

    private List<ColumnDrift> decide(List<ColumnDrift> raw, List<Double> floors) {
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
            boolean drift = adjusted[k] <= config.alpha() && d.effect() >= floors.get(tested.get(k));
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
}
