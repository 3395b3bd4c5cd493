package io.jenkins.plugins.mlops.validation;

import io.jenkins.plugins.mlops.data.Table;
import io.jenkins.plugins.mlops.schema.Constraints;
import io.jenkins.plugins.mlops.schema.Field;
import io.jenkins.plugins.mlops.schema.FieldType;
import io.jenkins.plugins.mlops.schema.Schema;
import io.jenkins.plugins.mlops.schema.Severity;
import io.jenkins.plugins.mlops.report.Html;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** Checks every value of a table against a schema and collects anomalies with examples. */
public final class SchemaValidator {
    static final int MAX_EXAMPLES = 5;

    private SchemaValidator() {
    }

    public static List<Anomaly> validate(Schema schema, Table table) {
        List<Anomaly> anomalies = new ArrayList<>();
        if (table.rowCount() == 0) {
            anomalies.add(new Anomaly(null, "empty_dataset", Severity.ERROR, 0,
                    "The file has a header but no data rows.", List.of()));
        } else if (schema.minRows() != null && table.rowCount() < schema.minRows()) {
            anomalies.add(new Anomaly(null, "too_few_rows", Severity.ERROR, table.rowCount(),
                    "The file has " + table.rowCount() + " data rows; the schema asks for at least " + schema.minRows()
                            + " (mlops:minRows).", List.of()));
        }
        for (Field field : schema.fields()) {
            int c = table.columnIndex(field.name());
            if (c < 0) {
                anomalies.add(new Anomaly(field.name(), "missing_column", Severity.ERROR, 1,
                        "Column '" + field.name() + "' is in the schema but not in the data.", List.of()));
                continue;
            }
            anomalies.addAll(validateColumn(field, table, c));
        }
        for (String column : table.columns()) {
            if (schema.field(column).isEmpty()) {
                anomalies.add(new Anomaly(column, "unexpected_column", Severity.WARNING, 1,
                        "Column '" + column + "' is not in the schema.", List.of()));
            }
        }
        return anomalies;
    }

    /** Collects occurrences of one kind of anomaly in one column. */
    private static final class Collector {
        final String kind;
        /** The description of the offending values, singular (true) or plural. */
        final java.util.function.Function<Boolean, String> what;
        long count;
        final List<Anomaly.Example> examples = new ArrayList<>();

        Collector(String kind, java.util.function.Function<Boolean, String> what) {
            this.kind = kind;
            this.what = what;
        }

        void add(long line, String value) {
            count++;
            if (examples.size() < MAX_EXAMPLES) {
                examples.add(new Anomaly.Example(line, value));
            }
        }
    }

    static List<Anomaly> validateColumn(Field field, Table table, int c) {
        Constraints k = field.constraints();
        Map<String, Collector> found = new LinkedHashMap<>();
        Set<String> allowed = k.allowed() == null ? null : Set.copyOf(k.allowed());
        Pattern pattern = k.pattern() == null ? null : Pattern.compile(k.pattern());
        Map<String, Long> firstLine = Boolean.TRUE.equals(k.unique()) ? new HashMap<>() : null;
        boolean piiCandidate = field.type() == FieldType.STRING || field.type() == FieldType.INTEGER;
        Map<PersonalData, Collector> personal = new java.util.EnumMap<>(PersonalData.class);
        long missing = 0;
        List<Anomaly.Example> missingExamples = new ArrayList<>();
        for (int r = 0; r < table.rowCount(); r++) {
            String v = table.value(r, c);
            long line = table.line(r);
            if (v == null) {
                missing++;
                if (missingExamples.size() < MAX_EXAMPLES) {
                    missingExamples.add(new Anomaly.Example(line, ""));
                }
                if (k.requiresValue()) {
                    collector(found, "missing_value", "missing values in a required column").add(line, "");
                }
                continue;
            }
            if (piiCandidate) {
                PersonalData kind = PersonalData.of(v);
                if (kind != null) {
                    personal.computeIfAbsent(kind, x -> new Collector(x.kind, one -> "values that look like "
                            + x.what)).add(line, PersonalData.mask(v));
                }
            }
            if (!field.type().accepts(v)) {
                collector(found, "type_mismatch", "values that are not of type " + field.type().jsonName()).add(line, v);
                continue;
            }
            if (field.type().isNumeric()) {
                double d = FieldType.parseDouble(v);
                if (Double.isNaN(d) || Double.isInfinite(d)) {
                    collector(found, "not_finite", "values that are NaN or infinite").add(line, v);
                } else if (k.minimum() != null && d < k.minimum() || k.maximum() != null && d > k.maximum()) {
                    collector(found, "out_of_range", "values outside [" + Html.number(orInf(k.minimum(), -1)) + ", "
                            + Html.number(orInf(k.maximum(), 1)) + "]").add(line, v);
                }
            }
            if (allowed != null && !allowed.contains(v)) {
                collector(found, "unexpected_category", "values not in the allowed categories " + k.allowed())
                        .add(line, v);
            }
            if (pattern != null && !pattern.matcher(v).matches()) {
                collector(found, "pattern_mismatch", "values not matching /" + k.pattern() + "/").add(line, v);
            }
            if (k.minLength() != null && v.length() < k.minLength() || k.maxLength() != null && v.length() > k.maxLength()) {
                collector(found, "length_out_of_range", "values with a length outside [" + k.minLength() + ", "
                        + k.maxLength() + "]").add(line, v);
            }
            if (firstLine != null && firstLine.putIfAbsent(v, line) != null) {
                collector(found, "duplicate_value", "values duplicated in a unique column").add(line, v);
            }
        }
        List<Anomaly> out = new ArrayList<>();
        for (Collector col : found.values()) {
            out.add(anomaly(field, col.kind, Severity.ERROR, col.count, "Column '" + field.name() + "' has " + col.count
                    + " " + col.what.apply(col.count == 1) + ".", col.examples));
        }
        long present = table.rowCount() - missing;
        if (field.maxMissingFraction() != null && table.rowCount() > 0
                && (double) missing / table.rowCount() > field.maxMissingFraction()) {
            out.add(anomaly(field, "missing_fraction", Severity.ERROR, missing, String.format(java.util.Locale.ROOT,
                    "Column '%s' is missing in %.1f %% of rows (%d of %d); the schema allows %.1f %%"
                            + " (mlops:maxMissingFraction).", field.name(), 100.0 * missing / table.rowCount(), missing,
                    table.rowCount(), 100 * field.maxMissingFraction()), missingExamples));
        }
        for (Collector col : personal.values()) {
            if (col.count >= PersonalData.MIN_SHARE * present) {
                out.add(anomaly(field, col.kind, Severity.WARNING, col.count, "Column '" + field.name() + "' looks like"
                        + " personal data: " + col.count + " of " + present + " " + col.what.apply(false)
                        + "; check that it may be used for training (examples masked).", col.examples));
            }
        }
        return out;
    }

    /** {@code what} reads "value[s] ..." or "missing value[s] ...": the plural is an "s" after "value". */
    private static Anomaly anomaly(Field field, String kind, Severity standard, long count, String message,
                                   List<Anomaly.Example> examples) {
        return new Anomaly(field.name(), kind, field.severityOf(kind, standard), count, message, List.copyOf(examples));
    }

    private static Collector collector(Map<String, Collector> found, String kind, String what) {
        return found.computeIfAbsent(kind, x -> new Collector(kind, one -> one
                ? what.replaceFirst("values", "value").replace("value that are", "value that is")
                : what));
    }

    private static double orInf(Double bound, int sign) {
        return bound == null ? sign * Double.POSITIVE_INFINITY : bound;
    }
}
