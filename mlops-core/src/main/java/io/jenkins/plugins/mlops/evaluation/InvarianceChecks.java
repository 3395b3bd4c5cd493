package io.jenkins.plugins.mlops.evaluation;

import io.jenkins.plugins.mlops.contract.Check;
import io.jenkins.plugins.mlops.contract.InvalidInputException;
import io.jenkins.plugins.mlops.data.Columns;
import io.jenkins.plugins.mlops.data.Moments;
import io.jenkins.plugins.mlops.data.Table;
import io.jenkins.plugins.mlops.model.PackagedModel;
import io.jenkins.plugins.mlops.model.Prediction;
import io.jenkins.plugins.mlops.model.Task;
import io.jenkins.plugins.mlops.report.Html;
import io.jenkins.plugins.mlops.schema.FieldType;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Predictions that must not move when one column changes (the suite's {@code invariance}). */
final class InvarianceChecks implements ModelTest {
    @Override
    public boolean requested(Run run) {
        return run.suite().invariance() != null;
    }

    @Override
    public List<Check> checks(Run run, Map<String, Object> sections) {
        return run.suite().invariance().stream()
                .map(inv -> invariance(run.model(), run.sample(), run.samplePredictions(), inv, run.dataFile())).toList();
    }

    /** Changes one column in every row and measures how far the predictions move. */
    private static Check invariance(PackagedModel model, Table rows, List<Prediction> predictions, TestSuite.Invariance inv,
                                    Path dataFile) {
        int c = rows.columnIndex(inv.column());
        if (c < 0) {
            throw InvalidInputException.in(dataFile, "invariance column '" + inv.column() + "' is not in the data");
        }
        double[] x = Columns.numbers(rows, c);
        boolean numeric = x.length > 0;
        double sd = numeric ? Moments.of(x).stddev() : 0;
        List<String> categories = new ArrayList<>(new TreeMap<>(Columns.counts(rows, c)).keySet());
        Table perturbed = rows.withColumn(c, r -> {
            String v = rows.value(r, c);
            if (numeric && v != null && FieldType.parseDouble(v) != null) {
                return String.valueOf(FieldType.parseDouble(v) + sd);
            }
            return !numeric && categories.size() > 1 ? categories.get((categories.indexOf(v) + 1) % categories.size()) : v;
        });
        List<Prediction> after = model.predict(perturbed);
        double worst = 0;
        for (int r = 0; r < after.size(); r++) {
            double delta = model.info().task() == Task.CLASSIFICATION
                    ? maxAbsDiff(after.get(r).probabilities(), predictions.get(r).probabilities())
                    : Math.abs(after.get(r).value() - predictions.get(r).value()) / Math.max(1e-12,
                    model.preprocessor().targetScale());
            worst = Math.max(worst, delta);
        }
        boolean ok = worst <= inv.epsilon();
        return Check.of("invariance:" + inv.column(), ok, worst, "<= " + inv.epsilon(), "Changing '" + inv.column() + "' ("
                + (numeric ? "+1 standard deviation" : "to another category") + ") moved predictions by at most "
                + Html.number(worst) + (model.info().task() == Task.CLASSIFICATION ? " in probability" : " target sd")
                + " over " + rows.rowCount() + " rows.");
    }

    private static double maxAbsDiff(double[] a, double[] b) {
        double m = 0;
        for (int i = 0; i < a.length; i++) {
            m = Math.max(m, Math.abs(a[i] - b[i]));
        }
        return m;
    }
}
