package io.jenkins.plugins.mlops.model;

import io.jenkins.plugins.mlops.data.Moments;
import io.jenkins.plugins.mlops.data.Columns;
import io.jenkins.plugins.mlops.data.Table;
import io.jenkins.plugins.mlops.schema.FieldType;
import io.jenkins.plugins.mlops.schema.Schema;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.BiFunction;

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
        List<FeatureTransform> features = new ArrayList<>();
        for (String name : featureNames) {
            int c = train.columnIndex(name);
            FieldType type = schema.field(name).orElseThrow().type();
            ColumnOptions o = options.apply(name, type.isNumeric());
            if (type.isNumeric()) {
                features.add(numeric(name, type, Columns.numbers(train, c), o));
            } else {
                Map<String, Long> counts = Columns.counts(train, c);
                String fill = o.impute() == ColumnOptions.Impute.CONSTANT ? o.constant() : counts.entrySet().stream()
                        .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                        .map(Map.Entry::getKey).findFirst().orElse("");
                features.add(new FeatureTransform.Categorical(name, fill, List.copyOf(new TreeSet<>(counts.keySet()))));
            }
        }
        int labelColumn = train.columnIndex(label);
        if (task == Task.CLASSIFICATION) {
            List<String> classes = List.copyOf(new TreeSet<>(Columns.counts(train, labelColumn).keySet()));
            return new Preprocessor(task, label, features, classes, 0, 1);
        }
        Moments y = Moments.of(Columns.numbers(train, labelColumn));
        return new Preprocessor(task, label, features, List.of(), y.mean(), y.stddev() > 0 ? y.stddev() : 1);
    }

    static FeatureTransform.Numeric numeric(String name, FieldType type, double[] values, ColumnOptions o) {
        double[] x = Arrays.stream(values).filter(Double::isFinite).sorted().toArray();
        double impute = switch (o.impute()) {
            case MEDIAN -> x.length == 0 ? 0 : x.length % 2 == 1 ? x[x.length / 2] : (x[x.length / 2 - 1] + x[x.length / 2]) / 2;
            case CONSTANT -> Double.parseDouble(o.constant());
            case MOST_FREQUENT -> mostFrequent(x);
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
            center = t[0];
            scale = t[t.length - 1] > t[0] ? t[t.length - 1] - t[0] : 1;
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

    /** The feature values of row {@code r} of a table, in feature order. */
    public String[] featureValues(Table table, int r) {
        String[] raw = new String[features.size()];
        for (int i = 0; i < raw.length; i++) {
            int c = table.columnIndex(features.get(i).name());
            raw[i] = c < 0 ? null : table.value(r, c);
        }
        return raw;
    }

    /** The network target for a label value: a class index, or the standardised number. */
    public double encodeTarget(String value) {
        if (task == Task.CLASSIFICATION) {
            return classes.indexOf(value);
        }
        return (FieldType.parseDouble(value) - targetMean) / targetScale;
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
