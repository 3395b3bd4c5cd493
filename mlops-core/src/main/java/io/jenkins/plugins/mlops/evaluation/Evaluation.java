package io.jenkins.plugins.mlops.evaluation;

import io.jenkins.plugins.mlops.contract.InvalidInputException;
import io.jenkins.plugins.mlops.data.Table;
import io.jenkins.plugins.mlops.model.Prediction;
import io.jenkins.plugins.mlops.model.Preprocessor;
import io.jenkins.plugins.mlops.model.Task;
import io.jenkins.plugins.mlops.schema.FieldType;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Metrics of predictions against the labels of the same rows: the one place where training's
 * hold-out score and the test step's score are computed, so that they always agree.
 *
 * @param confusion {@code [actual][predicted]} for classification, {@code null} for regression
 */
public record Evaluation(Map<String, Double> metrics, long[][] confusion) {
    /** @param labelled rows that all have a label; {@code file} names them in errors */
    public static Evaluation of(Preprocessor pre, List<Prediction> predictions, Table labelled, Path file) {
        int labelColumn = labelled.columnIndex(pre.label());
        if (pre.task() == Task.CLASSIFICATION) {
            List<String> actual = new ArrayList<>();
            List<String> predicted = new ArrayList<>();
            for (int r = 0; r < labelled.rowCount(); r++) {
                actual.add(labelled.value(r, labelColumn));
                predicted.add(predictions.get(r).label());
            }
            long[][] confusion = Metrics.confusion(actual, predicted, pre.classes());
            return new Evaluation(Metrics.classification(confusion, pre.classes()), confusion);
        }
        double[] actual = new double[labelled.rowCount()];
        double[] predicted = new double[labelled.rowCount()];
        for (int r = 0; r < actual.length; r++) {
            Double y = FieldType.parseDouble(labelled.value(r, labelColumn));
            if (y == null) {
                throw InvalidInputException.at(file, labelled.line(r), labelColumn + 1, "label '"
                        + labelled.value(r, labelColumn) + "' is not a number");
            }
            actual[r] = y;
            predicted[r] = predictions.get(r).value();
        }
        return new Evaluation(Metrics.regression(actual, predicted), null);
    }
}
