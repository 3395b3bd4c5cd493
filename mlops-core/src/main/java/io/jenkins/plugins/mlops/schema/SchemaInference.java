package io.jenkins.plugins.mlops.schema;

import io.jenkins.plugins.mlops.data.Profiler;
import io.jenkins.plugins.mlops.data.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Infers a schema from all values of a table (not the first rows): the narrowest type every
 * value fits, {@code required} when nothing is missing, numeric ranges widened by 10 % of the
 * observed range on each side (so that the next batch of real data does not trip on its extremes),
 * and an {@code enum} only for small string domains that are not identifiers.
 */
public final class SchemaInference {
    /** Largest domain written as an enum; TFDV uses 100 for string domains, we stay stricter. */
    public static final int MAX_ENUM = 20;
    static final double RANGE_SLACK = 0.10;

    private SchemaInference() {
    }

    public static Schema infer(Table table) {
        List<Field> fields = new ArrayList<>();
        for (int c = 0; c < table.columns().size(); c++) {
            fields.add(inferField(table, c));
        }
        return new Schema(fields, null);
    }

    static Field inferField(Table table, int column) {
        Map<String, Long> counts = Profiler.counts(table, column);
        long present = counts.values().stream().mapToLong(Long::longValue).sum();
        FieldType type = inferType(counts.keySet());
        boolean required = present == table.rowCount() && present > 0;
        Double minimum = null;
        Double maximum = null;
        List<String> allowed = null;
        if (type.isNumeric()) {
            double[] x = Profiler.numbers(table, column);
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            for (double v : x) {
                if (Double.isFinite(v)) {
                    min = Math.min(min, v);
                    max = Math.max(max, v);
                }
            }
            if (min <= max) {
                double slack = (max - min) * RANGE_SLACK;
                minimum = min >= 0 && min - slack < 0 ? 0 : min - slack;
                maximum = max + slack;
                if (type == FieldType.INTEGER) {
                    minimum = Math.floor(minimum);
                    maximum = Math.ceil(maximum);
                }
            }
        } else if (type == FieldType.STRING && !counts.isEmpty() && counts.size() <= MAX_ENUM
                && counts.size() * 2L <= present) {
            allowed = List.copyOf(new TreeSet<>(counts.keySet()));
        }
        Constraints constraints = new Constraints(required ? Boolean.TRUE : null, null, minimum, maximum, allowed,
                null, null, null);
        long missing = table.rowCount() - present;
        Double maxMissing = missing == 0 || present == 0 ? null : missingBound((double) missing / table.rowCount());
        return new Field(table.columns().get(column), type, null, null, null, constraints, maxMissing, null);
    }

    /**
     * The missing share a later batch may have: twice the observed one, at least 2 points more,
     * rounded up to whole percent; a batch with more gaps than that is anomalous.
     */
    static double missingBound(double observed) {
        return Math.min(1.0, Math.ceil(Math.max(2 * observed, observed + 0.02) * 100) / 100);
    }

    static FieldType inferType(Iterable<String> values) {
        if (!values.iterator().hasNext()) {
            return FieldType.STRING;
        }
        for (FieldType candidate : List.of(FieldType.INTEGER, FieldType.NUMBER, FieldType.BOOLEAN, FieldType.DATE,
                FieldType.DATETIME)) {
            boolean all = true;
            for (String v : values) {
                if (!candidate.accepts(v)) {
                    all = false;
                    break;
                }
            }
            if (all) {
                return candidate;
            }
        }
        return FieldType.STRING;
    }
}
