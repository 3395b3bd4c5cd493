package io.jenkins.plugins.mlops.evaluation;

import io.jenkins.plugins.mlops.contract.Check;
import io.jenkins.plugins.mlops.contract.InvalidInputException;
import io.jenkins.plugins.mlops.data.Columns;
import io.jenkins.plugins.mlops.data.Moments;
import io.jenkins.plugins.mlops.data.Table;
import io.jenkins.plugins.mlops.model.PackagedModel;
import io.jenkins.plugins.mlops.model.Prediction;
import io.jenkins.plugins.mlops.report.Html;
import io.jenkins.plugins.mlops.schema.FieldType;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Scores that may move only one way when one column rises (the suite's {@code directional}). */
final class DirectionalExpectations implements ModelTest {
    @Override
    public boolean requested(Run run) {
        return run.suite().directional() != null;
    }

    @Override
    public List<Check> checks(Run run, Map<String, Object> sections) {
        return run.suite().directional().stream()
                .map(d -> directional(run.model(), run.sample(), run.samplePredictions(), d, run.dataFile())).toList();
    }

    /** Raises one column by a standard deviation in every row; counts rows whose score moves the wrong way. */
    private static Check directional(PackagedModel model, Table rows, List<Prediction> before, TestSuite.Directional d,
                                     Path dataFile) {
        int c = rows.columnIndex(d.column());
        double[] x = c < 0 ? new double[0] : Columns.numbers(rows, c);
        if (x.length == 0) {
            throw InvalidInputException.in(dataFile, "directional column '" + d.column() + "' is not a numeric column");
        }
        double sd = Moments.of(x).stddev();
        int k = d.target() == null ? -1 : model.info().classes().indexOf(d.target());
        if (d.target() != null && k < 0) {
            throw new InvalidInputException("directional target '" + d.target() + "' is not a class of the model "
                    + model.info().classes());
        }
        List<Prediction> after = model.predict(rows.withColumn(c, r -> {
            Double v = rows.value(r, c) == null ? null : FieldType.parseDouble(rows.value(r, c));
            return v == null ? rows.value(r, c) : String.valueOf(v + sd);
        }));
        int wrong = 0;
        for (int r = 0; r < after.size(); r++) {
            double b = k < 0 ? before.get(r).value() : before.get(r).probabilities()[k];
            double a = k < 0 ? after.get(r).value() : after.get(r).probabilities()[k];
            if ("up".equals(d.direction()) ? a < b - 1e-6 : a > b + 1e-6) {
                wrong++;
            }
        }
        String score = k < 0 ? "the prediction" : "P(" + d.target() + ")";
        return Check.of("directional:" + d.column(), wrong == 0, wrong, "0 rows", "Raising '" + d.column() + "' by one"
                + " standard deviation (" + Html.number(sd) + ") moved " + score + " " + ("up".equals(d.direction())
                ? "down" : "up") + " in " + wrong + " of " + after.size() + " rows; it should only go " + d.direction()
                + ".");
    }
}
