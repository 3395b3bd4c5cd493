package io.jenkins.plugins.mlops.model;

import io.jenkins.plugins.mlops.data.Moments;
import io.jenkins.plugins.mlops.data.Columns;
import io.jenkins.plugins.mlops.data.Table;
import io.jenkins.plugins.mlops.schema.FieldType;
import io.jenkins.plugins.mlops.schema.Schema;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.BiFunction;
import java.util.stream.IntStream;
import org.apache.commons.statistics.descriptive.Median;

/**
 * Turns raw rows (text values in {@link #featureNames()} order, {@code null} for missing) into
 * network inputs, and network outputs back into labels. Stored as {@code preprocessing.json}.
 *
 * @param classes class labels in output order (classification); empty for regression
 * @param targetMean regression target standardisation (training rows); 0 for classification
 * @param targetScale as above; 1 for classification
 */
public record Preprocessor(Task task, String label, List<FeatureTransform> features, List<String> classes,
                           double targetMean, double targetScale) {

    /** Fits every transform on the given (training) rows only, with the default options. */
    public static Preprocessor fit(Table train, Schema schema, String label, Task task, List<String> featureNames) {
        return fit(train, schema, label, task, featureNames, (name, numeric) -> numeric
                ? ColumnOptions.NUMERIC_DEFAULT : ColumnOptions.CATEGORICAL_DEFAULT);
    }

    /** Fits every transform on the given (training) rows only; {@code options} per column and kind. */
    public static Preprocessor fit(Table train, Schema schema, String label, Task task, List<String> featureNames,
                                   BiFunction<String, Boolean, ColumnOptions> options) {
        // options first, in column order, so that a bad option names the first column that has one
        List<ColumnOptions> columnOptions = featureNames.stream()
                .map(name -> options.apply(name, schema.field(name).orElseThrow().type().isNumeric())).toList();
        // columns are fitted independently: in parallel, in feature order
        List<FeatureTransform> features = IntStream.range(0, featureNames.size()).parallel()
                .mapToObj(i -> fit(train, schema, featureNames.get(i), columnOptions.get(i))).toList();
        int labelColumn = train.columnIndex(label);
        if (task == Task.CLASSIFICATION) {
            List<String> classes = List.copyOf(new TreeSet<>(Columns.counts(train, labelColumn).keySet()));
            return new Preprocessor(task, label, features, classes, 0, 1);
        }
        Moments y = Moments.of(Columns.numbers(train, labelColumn));
        return new Preprocessor(task, label, features, List.of(), y.mean(), y.stddev() > 0 ? y.stddev() : 1);
    }

    private static FeatureTransform fit(Table train, Schema schema, String name, ColumnOptions o) {
        int c = train.columnIndex(name);
        FieldType type = schema.field(name).orElseThrow().type();
        if (type.isNumeric()) {
            return numeric(name, type, Columns.numbers(train, c), o);
        }
        Map<String, Long> counts = Columns.counts(train, c);
        String fill = o.impute() == ColumnOptions.Impute.CONSTANT ? o.constant() : counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .map(Map.Entry::getKey).findFirst().orElse("");
        return new FeatureTransform.Categorical(name, fill, List.copyOf(new TreeSet<>(counts.keySet())));
    }

    static FeatureTransform.Numeric numeric(String name, FieldType type, double[] values, ColumnOptions o) {
        double[] x = Arrays.stream(values).filter(Double::isFinite).toArray();
        double impute = switch (o.impute()) {
            // a selection, not a sort: the median of 160 000 values in a tenth of the time
            case MEDIAN -> x.length == 0 ? 0 : Median.withDefaults().evaluate(x);
            case CONSTANT -> Double.parseDouble(o.constant());
            case MOST_FREQUENT -> mostFrequent(Arrays.stream(x).sorted().toArray());
            case MEAN -> Moments.of(x).mean();
        };
        double[] t = o.log() ? Arrays.stream(x).map(FeatureTransform.Numeric::symlog).toArray() : x;
        double center = 0;
        double scale = 1;
        if (o.scale() == ColumnOptions.Scale.STANDARD) {
            Moments m = Moments.of(t);
            center = m.mean();
            scale = m.stddev() > 0 ? m.stddev() : 1;
        } else if (o.scale() == ColumnOptions.Scale.MINMAX && t.length > 0) {
            double min = Arrays.stream(t).min().orElseThrow();
            double max = Arrays.stream(t).max().orElseThrow();
            center = min;
            scale = max > min ? max - min : 1;
        }
        return new FeatureTransform.Numeric(name, type, impute, o.log(), center, scale);
    }

    /** The most frequent of sorted values, the smallest on ties. */
    private static double mostFrequent(double[] sorted) {
        double best = sorted.length == 0 ? 0 : sorted[0];
        int bestRun = 0;
        for (int i = 0; i < sorted.length; ) {
            int j = i;
            while (j < sorted.length && sorted[j] == sorted[i]) {
                j++;
            }
            if (j - i > bestRun) {
                bestRun = j - i;
                best = sorted[i];
            }
            i = j;
        }
        return best;
    }

    public List<String> featureNames() {
        return features.stream().map(FeatureTransform::name).toList();
    }

    public int inputWidth() {
        return features.stream().mapToInt(FeatureTransform::width).sum();
    }

    public int outputWidth() {
        return task == Task.CLASSIFICATION ? classes.size() : 1;
    }

    public float[] transform(String[] raw) {
        float[] out = new float[inputWidth()];
        int offset = 0;
        for (int i = 0; i < features.size(); i++) {
            features.get(i).apply(raw[i], out, offset);
            offset += features.get(i).width();
        }
        return out;
    }

    /**
     * Rows {@code from} to {@code to} of a table as network inputs, row after row ({@link
     * #inputWidth()} floats each), the same as {@link #transform} of each row's values: numbers are
     * read as the doubles the table holds and categories looked up once per value, with no String
     * parsed or made per value.
     */
    public float[] inputs(Table table, int from, int to) {
        int width = inputWidth();
        float[] out = new float[(to - from) * width];
        int offset = 0;
        for (FeatureTransform feature : features) {
            int c = table.columnIndex(feature.name());
            if (feature instanceof FeatureTransform.Numeric numeric) {
                for (int r = from; r < to; r++) {
                    numeric.apply(c < 0 ? Double.NaN : table.number(r, c), out, (r - from) * width + offset);
                }
            } else if (feature instanceof FeatureTransform.Categorical categorical) {
                Map<String, Integer> index = categorical.index();
                for (int r = from; r < to; r++) {
                    String value = c < 0 ? null : table.value(r, c);
                    categorical.apply(index.get(value == null ? categorical.impute() : value), out,
                            (r - from) * width + offset);
                }
            }
            offset += feature.width();
        }
        return out;
    }

    /**
     * The network targets of every row of a table, row after row ({@link #outputWidth()} floats
     * each): one-hot classes (all zero for a class not seen in training), or the standardised value.
     */
    public float[] targets(Table table) {
        int labelColumn = table.columnIndex(label);
        int width = outputWidth();
        float[] out = new float[table.rowCount() * width];
        if (task == Task.CLASSIFICATION) {
            Map<String, Integer> index = FeatureTransform.Categorical.positions(classes);
            for (int r = 0; r < table.rowCount(); r++) {
                Integer k = index.get(table.value(r, labelColumn));
                if (k != null) {
                    out[r * width + k] = 1f;
                }
            }
        } else {
            for (int r = 0; r < table.rowCount(); r++) {
                out[r] = (float) ((table.number(r, labelColumn) - targetMean) / targetScale);
            }
        }
        return out;
    }

    /** The feature values of row {@code r} of a table, in feature order. */
    public String[] featureValues(Table table, int r) {
        String[] raw = new String[features.size()];
        for (int i = 0; i < raw.length; i++) {
            int c = table.columnIndex(features.get(i).name());
            raw[i] = c < 0 ? null : table.value(r, c);
        }
        return raw;
    }

    public Prediction decode(float[] output) {
        if (task == Task.REGRESSION) {
            double value = output[0] * targetScale + targetMean;
            return new Prediction(null, value, null);
        }
        int best = 0;
        double[] probabilities = new double[output.length];
        for (int k = 0; k < output.length; k++) {
            probabilities[k] = output[k];
            if (output[k] > output[best]) {
                best = k;
            }
        }
        return new Prediction(classes.get(best), probabilities[best], probabilities);
    }
}
