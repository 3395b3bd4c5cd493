package io.jenkins.plugins.mlops.scoring;

import io.jenkins.plugins.mlops.contract.Json;
import io.jenkins.plugins.mlops.data.CsvReader;
import io.jenkins.plugins.mlops.data.Table;
import io.jenkins.plugins.mlops.drift.DriftSamples;
import io.jenkins.plugins.mlops.model.PackagedModel;
import io.jenkins.plugins.mlops.model.Prediction;
import io.jenkins.plugins.mlops.model.Task;
import io.jenkins.plugins.mlops.schema.Constraints;
import io.jenkins.plugins.mlops.schema.Field;
import io.jenkins.plugins.mlops.schema.FieldType;
import io.jenkins.plugins.mlops.schema.Schema;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A model's training reference with its own answers on it: the package's reference rows (features in
 * the preprocessor's order) plus a {@value #PREDICTION} column, as the baseline of prediction drift.
 * Batch scoring and the model server compare what the model answers now with this.
 */
public final class ScoredReference {
    /** The prediction's column, after the features, in the reference and in every compared table. */
    public static final String PREDICTION = "prediction";

    private ScoredReference() {
    }

    /** The compared columns: the model's features, then {@value #PREDICTION}. */
    public static List<String> columns(PackagedModel model) {
        List<String> columns = new ArrayList<>(model.preprocessor().featureNames());
        columns.add(PREDICTION);
        return columns;
    }

    /** Raw feature values in feature order with the prediction appended, as the reference holds them. */
    public static String[] withPrediction(PackagedModel model, String[] features, Prediction p) {
        String[] row = Arrays.copyOf(features, features.length + 1);
        row[features.length] = model.info().task() == Task.CLASSIFICATION ? p.label() : String.valueOf(p.value());
        return row;
    }

    /** The reference side of the comparison; null when the package has no reference rows. */
    public static DriftSamples.Reference of(PackagedModel model) {
        if (!Files.exists(model.dir().resolve(PackagedModel.REFERENCE_FILE))) {
            return null;
        }
        Table features = new CsvReader().read(model.dir().resolve(PackagedModel.REFERENCE_FILE));
        List<Prediction> predictions = model.predict(features);
        List<String[]> rows = new ArrayList<>(features.rowCount());
        for (int r = 0; r < features.rowCount(); r++) {
            rows.add(withPrediction(model, model.preprocessor().featureValues(features, r), predictions.get(r)));
        }
        Schema inputs = Json.readJson(model.dir().resolve(PackagedModel.INPUT_SCHEMA_FILE), Schema.class);
        List<Field> fields = new ArrayList<>(inputs.fields());
        fields.add(new Field(PREDICTION, model.info().task() == Task.CLASSIFICATION ? FieldType.STRING
                : FieldType.NUMBER, Constraints.NONE));
        return new DriftSamples.Reference(new Schema(fields, null),
                new Table("reference", columns(model), rows, new long[rows.size()]));
    }
}
