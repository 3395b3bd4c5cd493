package io.jenkins.plugins.mlops.profile;

import io.jenkins.plugins.mlops.data.ColumnProfile;
import io.jenkins.plugins.mlops.schema.FieldType;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.datasketches.frequencies.ErrorType;
import org.apache.datasketches.frequencies.ItemsSketch;
import org.apache.datasketches.hll.HllSketch;
import org.apache.datasketches.hll.Union;
import org.apache.datasketches.kll.KllDoublesSketch;
import org.apache.datasketches.quantilescommon.QuantileSearchCriteria;

/**
 * One column's statistics in one pass with memory independent of the row count: exact count,
 * missing, min, max, mean and standard deviation (Welford, merged with Chan's formula), and
 * Apache DataSketches for the rest: KLL for quantiles and histograms (rank error about 1.3 % at
 * k = 200), HLL for the distinct count (about 1.6 % at lgK = 12), and a frequent-items sketch
 * for the top categories. Text columns are counted exactly while they have at most
 * {@value #EXACT_LIMIT} distinct values (most categorical columns: exact and cheaper than two
 * sketch updates per value) and move to the sketches beyond. Mergeable, so that chunks of a file
 * are profiled in parallel.
 */
public final class ColumnStats {
    static final int KLL_K = 200;
    static final int HLL_LG_K = 12;
    static final int TOP_ITEMS_MAP = 64;
    static final int HISTOGRAM_BINS = 12;
    static final int TOP_VALUES = 10;
    static final int EXACT_LIMIT = 1_000;
    static final double[] QUANTILES = {0.01, 0.05, 0.25, 0.5, 0.75, 0.95, 0.99};

    private final String name;
    private final FieldType type;
    private long rows;
    private long missing;
    private long numbers;
    private double min = Double.POSITIVE_INFINITY;
    private double max = Double.NEGATIVE_INFINITY;
    private double mean;
    private double m2;
    private final KllDoublesSketch quantiles;
    /** Values waiting for the KLL sketch: its batch update is several times cheaper per value. */
    private final double[] pending;
    private int pendingCount;
    private HllSketch distinct = new HllSketch(HLL_LG_K);
    private final ItemsSketch<String> top;
    /** Exact counts of a text column while it has few distinct values; null once it has spilled. */
    private java.util.HashMap<String, long[]> exact;

    public ColumnStats(String name, FieldType type) {
        this.name = name;
        this.type = type;
        this.quantiles = type.isNumeric() ? KllDoublesSketch.newHeapInstance(KLL_K) : null;
        this.pending = type.isNumeric() ? new double[1024] : null;
        this.top = type.isNumeric() ? null : new ItemsSketch<>(TOP_ITEMS_MAP);
        this.exact = type.isNumeric() ? null : new java.util.HashMap<>();
    }

    public FieldType type() {
        return type;
    }

    /** @param number the parsed value of a numeric column, {@code null} when it is not a number */
    public void accept(String raw, Double number) {
        rows++;
        if (raw == null) {
            missing++;
            return;
        }
        if (type.isNumeric()) {
            if (number != null && Double.isFinite(number)) {
                double x = number;
                numbers++;
                min = Math.min(min, x);
                max = Math.max(max, x);
                double delta = x - mean;
                mean += delta / numbers;
                m2 += delta * (x - mean);
                pending[pendingCount++] = x;
                if (pendingCount == pending.length) {
                    flush();
                }
                distinct.update(Double.doubleToLongBits(x == 0.0 ? 0.0 : x));
            } else {
                distinct.update(raw);
            }
        } else if (exact != null) {
            long[] count = exact.get(raw);
            if (count != null) {
                count[0]++;
            } else if (exact.size() < EXACT_LIMIT) {
                exact.put(raw, new long[] {1});
            } else {
                spill();
                distinct.update(raw);
                top.update(raw);
            }
        } else {
            distinct.update(raw);
            top.update(raw);
        }
    }

    /** Moves the exact counts into the sketches. */
    private void spill() {
        if (exact != null) {
            exact.forEach((value, count) -> {
                distinct.update(value);
                top.update(value, count[0]);
            });
            exact = null;
        }
    }

    private void flush() {
        if (pendingCount > 0) {
            quantiles.update(pending, 0, pendingCount);
            pendingCount = 0;
        }
    }

    public void merge(ColumnStats later) {
        if (quantiles != null) {
            flush();
            later.flush();
        }
        rows += later.rows;
        missing += later.missing;
        if (later.numbers > 0) {
            long n = numbers + later.numbers;
            double delta = later.mean - mean;
            mean += delta * later.numbers / n;
            m2 += later.m2 + delta * delta * numbers * (double) later.numbers / n;
            numbers = n;
            min = Math.min(min, later.min);
            max = Math.max(max, later.max);
        }
        if (quantiles != null) {
            quantiles.merge(later.quantiles);
        } else if (exact != null && later.exact != null) {
            later.exact.forEach((value, count) -> exact.computeIfAbsent(value, v -> new long[1])[0] += count[0]);
            if (exact.size() > EXACT_LIMIT) {
                spill();
            }
            return;
        } else {
            spill();
            later.spill();
            top.merge(later.top);
        }
        Union union = new Union(HLL_LG_K);
        union.update(distinct);
        union.update(later.distinct);
        distinct = union.getResult();
    }

    public ColumnProfile profile() {
        if (quantiles != null) {
            flush();
        }
        if (exact != null) {
            Map<String, Long> topValues = new LinkedHashMap<>();
            exact.entrySet().stream()
                    .sorted((a, b) -> a.getValue()[0] != b.getValue()[0] ? Long.compare(b.getValue()[0], a.getValue()[0])
                            : a.getKey().compareTo(b.getKey()))
                    .limit(TOP_VALUES)
                    .forEach(e -> topValues.put(e.getKey(), e.getValue()[0]));
            return new ColumnProfile(name, type.jsonName(), rows, missing, exact.size(), null, null, null, null, null,
                    topValues, null);
        }
        long distinctEstimate = Math.round(distinct.getEstimate());
        if (!type.isNumeric()) {
            Map<String, Long> topValues = new LinkedHashMap<>();
            ItemsSketch.Row<String>[] items = top.getFrequentItems(ErrorType.NO_FALSE_NEGATIVES);
            java.util.Arrays.sort(items, (a, b) -> a.getEstimate() != b.getEstimate()
                    ? Long.compare(b.getEstimate(), a.getEstimate()) : a.getItem().compareTo(b.getItem()));
            for (int i = 0; i < Math.min(TOP_VALUES, items.length); i++) {
                topValues.put(items[i].getItem(), items[i].getEstimate());
            }
            return new ColumnProfile(name, type.jsonName(), rows, missing, distinctEstimate, null, null, null, null,
                    null, topValues, null);
        }
        if (numbers == 0) {
            return new ColumnProfile(name, type.jsonName(), rows, missing, distinctEstimate, null, null, null, null, null,
                    null, null);
        }
        Map<String, Double> q = new LinkedHashMap<>();
        for (double rank : QUANTILES) {
            q.put("p" + Math.round(rank * 100), quantiles.getQuantile(rank, QuantileSearchCriteria.INCLUSIVE));
        }
        return new ColumnProfile(name, type.jsonName(), rows, missing, distinctEstimate, min, max, mean,
                numbers > 1 ? Math.sqrt(m2 / (numbers - 1)) : 0.0, histogram(), null, q);
    }

    /** Equal-width bins over [min, max], counts from the KLL sketch's distribution. */
    private ColumnProfile.Histogram histogram() {
        double[] edges = new double[HISTOGRAM_BINS + 1];
        for (int i = 0; i <= HISTOGRAM_BINS; i++) {
            edges[i] = min + (max - min) * i / HISTOGRAM_BINS;
        }
        long[] counts = new long[HISTOGRAM_BINS];
        if (max > min) {
            double[] splits = java.util.Arrays.copyOfRange(edges, 1, HISTOGRAM_BINS);
            double[] pmf = quantiles.getPMF(splits, QuantileSearchCriteria.INCLUSIVE);
            for (int i = 0; i < HISTOGRAM_BINS; i++) {
                counts[i] = Math.round(pmf[i] * numbers);
            }
        } else {
            counts[0] = numbers;
        }
        return new ColumnProfile.Histogram(edges, counts);
    }
}
