package io.jenkins.plugins.mlops.schema;

import io.jenkins.plugins.mlops.data.Columns;
import io.jenkins.plugins.mlops.data.CsvRow;
import io.jenkins.plugins.mlops.data.RowSink;
import io.jenkins.plugins.mlops.data.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Infers a schema from all values of a file (not the first rows), streaming: the narrowest type
 * every value fits, {@code required} when nothing is missing, numeric ranges widened by 10 % of
 * the observed range on each side (so that the next batch of real data does not trip on its
 * extremes), an {@code enum} only for small string domains that are not identifiers, and the
 * missing share a later batch may have. One instance per chunk; merged in file order.
 */
public final class SchemaInference implements RowSink<SchemaInference> {
    /** Largest domain written as an enum; TFDV uses 100 for string domains, we stay stricter. */
    public static final int MAX_ENUM = 20;
    static final double RANGE_SLACK = 0.10;
    private static final FieldType[] CANDIDATES = {FieldType.INTEGER, FieldType.NUMBER, FieldType.BOOLEAN,
        FieldType.DATE, FieldType.DATETIME};

    /** What one column has shown so far. */
    private static final class Column {
        long present;
        long missing;
        /** Types every value seen so far fits, in {@link #CANDIDATES} order. */
        final boolean[] fits = {true, true, true, true, true};
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        /** Distinct values while there are at most MAX_ENUM + 1 of them; null after. */
        TreeSet<String> domain = new TreeSet<>();

        /** Numbers are tried in place; a String is made only while a text type or the enum domain still needs it. */
        void accept(CsvRow row, int c) {
            if (row.isMissing(c)) {
                missing++;
                return;
            }
            present++;
            double number = Double.NaN;
            if (fits[0]) {
                number = row.integer(c);
                fits[0] = FieldType.isNumber(number);
            }
            if (fits[1] && !fits[0]) {
                number = row.decimal(c);
                fits[1] = FieldType.isNumber(number);
            }
            if ((fits[0] || fits[1]) && Double.isFinite(number)) {
                min = Math.min(min, number);
                max = Math.max(max, number);
            }
            if (fits[2] || fits[3] || fits[4] || domain != null) {
                String v = row.value(c);
                for (int t = 2; t < CANDIDATES.length; t++) {
                    if (fits[t]) {
                        fits[t] = CANDIDATES[t].accepts(v);
                    }
                }
                if (domain != null && domain.add(v) && domain.size() > MAX_ENUM) {
                    domain = null;
                }
            }
        }

        /** A numeric column of a table: no text type fits a number, and only an integer needs a look at its text. */
        void acceptNumbers(Table table, int c) {
            for (int r = 0; r < table.rowCount(); r++) {
                if (table.isMissing(r, c)) {
                    missing++;
                    continue;
                }
                present++;
                fits[0] = fits[0] && table.isInteger(r, c);
                double number = table.number(r, c);
                if (Double.isFinite(number)) {
                    min = Math.min(min, number);
                    max = Math.max(max, number);
                }
            }
            if (present > 0) {
                fits[2] = fits[3] = fits[4] = false;
                domain = null;
            }
        }

        /** A distinct value seen {@code count} times. */
        void acceptDistinct(String value, long count) {
            accept(CsvRow.of(new String[] {value}, 0), 0);
            present += count - 1;
        }

        void merge(Column later) {
            present += later.present;
            missing += later.missing;
            for (int t = 0; t < fits.length; t++) {
                fits[t] &= later.fits[t];
            }
            min = Math.min(min, later.min);
            max = Math.max(max, later.max);
            if (domain != null && later.domain != null) {
                domain.addAll(later.domain);
                if (domain.size() > MAX_ENUM) {
                    domain = null;
                }
            } else {
                domain = null;
            }
        }

        FieldType type() {
            if (present == 0) {
                return FieldType.STRING;
            }
            for (int t = 0; t < CANDIDATES.length; t++) {
                if (fits[t]) {
                    return CANDIDATES[t];
                }
            }
            return FieldType.STRING;
        }
    }

    private final List<String> names;
    private final Column[] columns;

    public SchemaInference(List<String> names) {
        this.names = names;
        this.columns = new Column[names.size()];
        for (int i = 0; i < columns.length; i++) {
            columns[i] = new Column();
        }
    }

    @Override
    public void accept(CsvRow row) {
        for (int c = 0; c < columns.length; c++) {
            columns[c].accept(row, c);
        }
    }

    @Override
    public void merge(SchemaInference later) {
        for (int c = 0; c < columns.length; c++) {
            columns[c].merge(later.columns[c]);
        }
    }

    /**
     * The schema of a table in memory, from its columns: a numeric column's values are read as the
     * numbers they already are, a text column's distinct values once each.
     */
    public static Schema infer(Table table) {
        SchemaInference inference = new SchemaInference(table.columns());
        for (int c = 0; c < inference.columns.length; c++) {
            Column col = inference.columns[c];
            if (table.isNumeric(c)) {
                col.acceptNumbers(table, c);
            } else {
                Map<String, Long> counts = Columns.counts(table, c);
                counts.forEach(col::acceptDistinct);
                col.missing += table.rowCount() - counts.values().stream().mapToLong(Long::longValue).sum();
            }
        }
        return inference.schema();
    }

    public Schema schema() {
        List<Field> fields = new ArrayList<>();
        for (int c = 0; c < columns.length; c++) {
            fields.add(field(names.get(c), columns[c]));
        }
        return new Schema(fields, null);
    }

    private static Field field(String name, Column col) {
        FieldType type = col.type();
        long rows = col.present + col.missing;
        boolean required = col.missing == 0 && col.present > 0;
        Double minimum = null;
        Double maximum = null;
        List<String> allowed = null;
        if (type.isNumeric() && col.min <= col.max) {
            double slack = (col.max - col.min) * RANGE_SLACK;
            minimum = col.min >= 0 && col.min - slack < 0 ? 0 : col.min - slack;
            maximum = col.max + slack;
            if (type == FieldType.INTEGER) {
                minimum = Math.floor(minimum);
                maximum = Math.ceil(maximum);
            }
        } else if (type == FieldType.STRING && col.domain != null && !col.domain.isEmpty()
                && col.domain.size() * 2L <= col.present) {
            allowed = List.copyOf(col.domain);
        }
        Constraints constraints = new Constraints(required ? Boolean.TRUE : null, null, minimum, maximum, allowed,
                null, null, null);
        Double maxMissing = col.missing == 0 || col.present == 0 ? null : missingBound((double) col.missing / rows);
        return new Field(name, type, null, null, null, constraints, maxMissing, null);
    }

    /**
     * The missing share a later batch may have: twice the observed one, at least 2 points more,
     * rounded up to whole percent; a batch with more gaps than that is anomalous.
     */
    static double missingBound(double observed) {
        return Math.min(1.0, Math.ceil(Math.max(2 * observed, observed + 0.02) * 100) / 100);
    }

    static FieldType inferType(Iterable<String> values) {
        Column col = new Column();
        values.forEach(v -> col.acceptDistinct(v, 1));
        return col.type();
    }
}
