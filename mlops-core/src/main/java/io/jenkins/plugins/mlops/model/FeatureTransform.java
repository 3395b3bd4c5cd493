package io.jenkins.plugins.mlops.model;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import io.jenkins.plugins.mlops.schema.FieldType;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The fitted transform of one input column into network inputs. Fitted on training rows only and
 * stored in the model package, so that training, testing and serving transform rows identically.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
@JsonSubTypes({
    @JsonSubTypes.Type(value = FeatureTransform.Numeric.class, name = "numeric"),
    @JsonSubTypes.Type(value = FeatureTransform.Categorical.class, name = "categorical")
})
public sealed interface FeatureTransform {
    String name();

    /** Number of network inputs this column becomes. */
    int width();

    /** Writes the transformed raw value ({@code null} = missing) into {@code out} at {@code offset}. */
    void apply(String raw, float[] out, int offset);

    /**
     * Imputation with a training statistic, an optional symmetric log, then {@code (x - center) /
     * scale} with training values (mean/sd, min/range, or 0/1).
     */
    record Numeric(String name, FieldType type, double impute, boolean log, double center, double scale)
            implements FeatureTransform {
        @Override
        public int width() {
            return 1;
        }

        @Override
        public void apply(String raw, float[] out, int offset) {
            Double v = raw == null ? null : FieldType.parseDouble(raw);
            apply(v == null ? Double.NaN : v, out, offset);
        }

        /** As {@link #apply(String, float[], int)} for a value already read as a number (NaN when missing). */
        void apply(double value, float[] out, int offset) {
            double x = Double.isFinite(value) ? value : impute;
            out[offset] = (float) (((log ? symlog(x) : x) - center) / scale);
        }

        static double symlog(double x) {
            return Math.signum(x) * Math.log1p(Math.abs(x));
        }
    }

    /**
     * Most-frequent imputation, then one-hot over the training categories plus a last "unknown"
     * bucket, so that a category never seen in training does not break serving.
     */
    record Categorical(String name, String impute, List<String> categories) implements FeatureTransform {
        @Override
        public int width() {
            return categories.size() + 1;
        }

        @Override
        public void apply(String raw, float[] out, int offset) {
            int i = categories.indexOf(raw == null ? impute : raw);
            apply(i < 0 ? null : i, out, offset);
        }

        /** As {@link #apply(String, float[], int)} for a category's index ({@code null}: not a training category). */
        void apply(Integer category, float[] out, int offset) {
            for (int k = 0; k < width(); k++) {
                out[offset + k] = 0f;
            }
            out[offset + (category == null ? categories.size() : category)] = 1f;
        }

        /** Each category's index, for looking up many values. */
        Map<String, Integer> index() {
            return positions(categories);
        }

        /** Each value's first position in the list: the index that {@link List#indexOf} would give. */
        static Map<String, Integer> positions(List<String> values) {
            Map<String, Integer> index = new HashMap<>();
            for (int k = 0; k < values.size(); k++) {
                index.putIfAbsent(values.get(k), k);
            }
            return index;
        }
    }
}
