package io.jenkins.plugins.mlops.data;

import io.jenkins.plugins.mlops.schema.FieldType;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/** Computes a {@link ColumnProfile} per column of a table. */
public final class Profiler {
    static final int BINS = 12;
    static final int TOP_VALUES = 10;

    private Profiler() {
    }

    /** Numeric values of a column, missing and unparseable values skipped. */
    public static double[] numbers(Table table, int column) {
        double[] out = new double[table.rowCount()];
        int n = 0;
        for (int r = 0; r < table.rowCount(); r++) {
            String v = table.value(r, column);
            Double d = v == null ? null : FieldType.parseDouble(v);
            if (d != null && !d.isNaN()) {
                out[n++] = d;
            }
        }
        return Arrays.copyOf(out, n);
    }

    /** Counts of each non-missing value. */
    public static Map<String, Long> counts(Table table, int column) {
        Map<String, Long> counts = new HashMap<>();
        for (int r = 0; r < table.rowCount(); r++) {
            String v = table.value(r, column);
            if (v != null) {
                counts.merge(v, 1L, Long::sum);
            }
        }
        return counts;
    }

    public static ColumnProfile profile(Table table, int column, FieldType type) {
        Map<String, Long> counts = counts(table, column);
        long present = counts.values().stream().mapToLong(Long::longValue).sum();
        long missing = table.rowCount() - present;
        String name = table.columns().get(column);
        if (type.isNumeric()) {
            double[] x = numbers(table, column);
            if (x.length == 0) {
                return new ColumnProfile(name, type.jsonName(), table.rowCount(), missing, counts.size(),
                        null, null, null, null, null, null);
            }
            double min = Arrays.stream(x).filter(Double::isFinite).min().orElse(Double.NaN);
            double max = Arrays.stream(x).filter(Double::isFinite).max().orElse(Double.NaN);
            Moments m = Moments.of(x);
            return new ColumnProfile(name, type.jsonName(), table.rowCount(), missing, counts.size(), min, max, m.mean(),
                    m.stddev(), histogram(x, min, max), null);
        }
        Map<String, Long> top = new LinkedHashMap<>();
        counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(TOP_VALUES)
                .forEach(e -> top.put(e.getKey(), e.getValue()));
        return new ColumnProfile(name, type.jsonName(), table.rowCount(), missing, counts.size(), null, null, null,
                null, null, top);
    }

    public static ColumnProfile.Histogram histogram(double[] x, double min, double max) {
        double[] edges = new double[BINS + 1];
        for (int i = 0; i <= BINS; i++) {
            edges[i] = min + (max - min) * i / BINS;
        }
        long[] counts = new long[BINS];
        for (double v : x) {
            if (Double.isFinite(v)) {
                counts[bin(v, min, max)]++;
            }
        }
        return new ColumnProfile.Histogram(edges, counts);
    }

    static int bin(double v, double min, double max) {
        if (!(max > min)) {
            return 0;
        }
        int b = (int) ((v - min) / (max - min) * BINS);
        return Math.max(0, Math.min(BINS - 1, b));
    }
}
