package io.jenkins.plugins.mlops.validation;

import io.jenkins.plugins.mlops.data.Table;
import io.jenkins.plugins.mlops.report.Html;
import io.jenkins.plugins.mlops.schema.Constraints;
import io.jenkins.plugins.mlops.schema.Field;
import io.jenkins.plugins.mlops.schema.FieldType;
import io.jenkins.plugins.mlops.schema.Severity;
import java.nio.CharBuffer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Checks the values of one column against its schema field as they stream past, keeping counts
 * and the first few offending rows per anomaly kind; mergeable across chunks of a file.
 */
final class FieldCheck {
    static final int MAX_EXAMPLES = 5;
    /**
     * Values of the file's row sample tested for personal data (in file order): a sample decides
     * what the column looks like, the same one whatever the number of chunks.
     */
    static final int PII_SAMPLE = 2_000;

    /** Occurrences of one anomaly kind: a count and the earliest examples. */
    static final class Occurrences {
        final String kind;
        /** Describes the offending values; the argument says whether there is exactly one. */
        final Function<Boolean, String> what;
        long count;
        final List<Anomaly.Example> examples = new ArrayList<>();

        Occurrences(String kind, Function<Boolean, String> what) {
            this.kind = kind;
            this.what = what;
        }

        void add(long line, CharSequence value) {
            count++;
            if (examples.size() < MAX_EXAMPLES) {
                examples.add(new Anomaly.Example(line, value.toString()));
            }
        }

        void merge(Occurrences later) {
            count += later.count;
            examples.addAll(later.examples);
            examples.sort(Comparator.comparingLong(Anomaly.Example::line));
            while (examples.size() > MAX_EXAMPLES) {
                examples.remove(examples.size() - 1);
            }
        }
    }

    private final Field field;
    private final Constraints k;
    private final Set<String> allowed;
    private final Pattern pattern;
    private final String rangeText;
    private final boolean piiCandidate;
    private final Map<String, Occurrences> found = new LinkedHashMap<>();
    private final Occurrences missing = new Occurrences("missing", one -> "missing");
    /** First line of each value, for {@code unique}; the one unbounded structure, only when asked for. */
    private final Map<String, Long> firstLine;
    /** The field's range, unbounded where the schema sets no limit. */
    private final double minimum;
    private final double maximum;
    /** Whether a numeric field has constraints on its text too (rare: numbers usually have a range). */
    private final boolean textChecks;

    FieldCheck(Field field) {
        this.field = field;
        this.k = field.constraints();
        this.allowed = k.allowed() == null ? null : Set.copyOf(k.allowed());
        this.pattern = k.pattern() == null ? null : Pattern.compile(k.pattern());
        this.minimum = k.minimum() == null ? Double.NEGATIVE_INFINITY : k.minimum();
        this.maximum = k.maximum() == null ? Double.POSITIVE_INFINITY : k.maximum();
        this.rangeText = "[" + Html.number(minimum) + ", " + Html.number(maximum) + "]";
        this.piiCandidate = field.type() == FieldType.STRING || field.type() == FieldType.INTEGER;
        this.firstLine = Boolean.TRUE.equals(k.unique()) ? new HashMap<>() : null;
        this.textChecks = allowed != null || pattern != null || k.minLength() != null || k.maxLength() != null
                || firstLine != null;
    }

    private Occurrences of(String kind, String plural) {
        return found.computeIfAbsent(kind, x -> new Occurrences(kind, one -> one
                ? plural.replaceFirst("values", "value").replace("value that are", "value that is") : plural));
    }

    void missing(long line) {
        missing.add(line, "");
        if (k.requiresValue()) {
            of("missing_value", "missing values in a required column").add(line, "");
        }
    }

    /**
     * Checks a present value of a numeric field, parsed in place in the parser's buffer: text is
     * made only for an example or a check that needs one. Returns the number, so that it is parsed
     * once; NaN when the value is not a number.
     */
    double number(char[] buf, int offset, int len, long line) {
        double d = FieldType.parseNumber(field.type(), buf, offset, len);
        if (!FieldType.isNumber(d)) {
            of("type_mismatch", "values that are not of type " + field.type().jsonName()).add(line, text(buf, offset, len));
            return Double.NaN;
        }
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            of("not_finite", "values that are NaN or infinite").add(line, text(buf, offset, len));
        } else if (d < minimum || d > maximum) {
            of("out_of_range", "values outside " + rangeText).add(line, text(buf, offset, len));
        }
        if (textChecks) {
            constraints(text(buf, offset, len), line);
        }
        return d;
    }

    /** A view of the value, for the rare check or example that needs its text. */
    private static CharSequence text(char[] buf, int offset, int len) {
        return CharBuffer.wrap(buf, offset, len);
    }

    /** Checks a present value of a non-numeric field; {@code true} when it broke no rule. */
    boolean text(String v, long line) {
        if (field.type() != FieldType.STRING && !field.type().accepts(v)) {
            of("type_mismatch", "values that are not of type " + field.type().jsonName()).add(line, v);
            return false;
        }
        return constraints(v, line);
    }

    /**
     * Whether a value's verdict holds for every later occurrence of it, so that a caller may skip
     * checking a value that passed once: true unless the column must be unique (a second
     * occurrence is the anomaly).
     */
    boolean verdictsRepeat() {
        return firstLine == null;
    }

    /** The constraints on a value's text: categories, pattern, length, uniqueness; {@code true} when all hold. */
    private boolean constraints(CharSequence v, long line) {
        boolean ok = true;
        if (allowed != null && !allowed.contains(v.toString())) {
            of("unexpected_category", "values not in the allowed categories " + k.allowed()).add(line, v);
            ok = false;
        }
        if (pattern != null && !pattern.matcher(v).matches()) {
            of("pattern_mismatch", "values not matching /" + k.pattern() + "/").add(line, v);
            ok = false;
        }
        if (k.minLength() != null && v.length() < k.minLength() || k.maxLength() != null && v.length() > k.maxLength()) {
            of("length_out_of_range", "values with a length outside [" + k.minLength() + ", " + k.maxLength() + "]")
                    .add(line, v);
            ok = false;
        }
        if (firstLine != null && firstLine.putIfAbsent(v.toString(), line) != null) {
            of("duplicate_value", "values duplicated in a unique column").add(line, v);
            ok = false;
        }
        return ok;
    }

    void merge(FieldCheck later) {
        later.found.forEach((kind, occ) -> {
            Occurrences mine = found.get(kind);
            if (mine == null) {
                found.put(kind, occ);
            } else {
                mine.merge(occ);
            }
        });
        if (firstLine != null) {
            later.firstLine.forEach((value, line) -> {
                if (firstLine.putIfAbsent(value, line) != null) {
                    of("duplicate_value", "values duplicated in a unique column").add(line, value);
                }
            });
            // duplicates found inside the later chunk were already counted there
        }
    }

    List<Anomaly> anomalies(long rows) {
        List<Anomaly> out = new ArrayList<>();
        for (Occurrences occ : found.values()) {
            out.add(anomaly(occ.kind, Severity.ERROR, occ.count, "Column '" + field.name() + "' has " + occ.count + " "
                    + occ.what.apply(occ.count == 1) + ".", occ.examples));
        }
        if (field.maxMissingFraction() != null && rows > 0 && (double) missing.count / rows > field.maxMissingFraction()) {
            out.add(anomaly("missing_fraction", Severity.ERROR, missing.count, String.format(Locale.ROOT,
                    "Column '%s' is missing in %.1f %% of rows (%d of %d); the schema allows %.1f %%"
                            + " (mlops:maxMissingFraction).", field.name(), 100.0 * missing.count / rows, missing.count,
                    rows, 100 * field.maxMissingFraction()), missing.examples));
        }
        return out;
    }

    /**
     * A warning when at least half of the first {@value #PII_SAMPLE} present values of the column
     * in the file's row sample look like one kind of personal data (examples masked).
     */
    List<Anomaly> personalData(Table sample, int column) {
        if (!piiCandidate) {
            return List.of();
        }
        Map<PersonalData, Occurrences> personal = new EnumMap<>(PersonalData.class);
        int tested = 0;
        for (int r = 0; r < sample.rowCount() && tested < PII_SAMPLE; r++) {
            String v = sample.value(r, column);
            if (v == null) {
                continue;
            }
            tested++;
            PersonalData kind = PersonalData.of(v);
            if (kind != null) {
                personal.computeIfAbsent(kind, x -> new Occurrences(x.kind, one -> x.what))
                        .add(sample.line(r), PersonalData.mask(v));
            }
        }
        List<Anomaly> out = new ArrayList<>();
        for (Occurrences occ : personal.values()) {
            if (occ.count >= PersonalData.MIN_SHARE * tested) {
                out.add(anomaly(occ.kind, Severity.WARNING, occ.count, "Column '" + field.name() + "' looks like"
                        + " personal data: " + occ.count + " of " + tested + " values tested are "
                        + occ.what.apply(false) + "; check that it may be used for training (examples masked).",
                        occ.examples));
            }
        }
        return out;
    }

    private Anomaly anomaly(String kind, Severity standard, long count, String message, List<Anomaly.Example> examples) {
        return new Anomaly(field.name(), kind, field.severityOf(kind, standard), count, message, List.copyOf(examples));
    }
}
