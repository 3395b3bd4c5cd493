package io.jenkins.plugins.mlops.model;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import io.jenkins.plugins.mlops.schema.FieldType;
import java.util.List;

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
            double x = v == null || !Double.isFinite(v) ? impute : v;
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
            for (int k = 0; k < width(); k++) {
                out[offset + k] = 0f;
            }
            out[offset + (i < 0 ? categories.size() : i)] = 1f;
        }
    }
}
