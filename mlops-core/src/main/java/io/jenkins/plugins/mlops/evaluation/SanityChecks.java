package io.jenkins.plugins.mlops.evaluation;

import io.jenkins.plugins.mlops.contract.Check;
import io.jenkins.plugins.mlops.data.Table;
import io.jenkins.plugins.mlops.model.PackagedModel;
import io.jenkins.plugins.mlops.model.Prediction;
import io.jenkins.plugins.mlops.model.Task;
import io.jenkins.plugins.mlops.report.Html;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/** Outputs are finite, class probabilities sum to one, and scoring is deterministic (a suite may turn it off). */
final class SanityChecks implements ModelTest {
    @Override
    public boolean requested(Run run) {
        return !Boolean.FALSE.equals(run.suite().sanity());
    }

    @Override
    public List<Check> checks(Run run, Map<String, Object> sections) {
        return sanity(run.model(), run.sample(), run.predictions());
    }

    private static List<Check> sanity(PackagedModel model, Table rows, List<Prediction> predictions) {
        List<Check> checks = new ArrayList<>();
        boolean finite = predictions.stream().allMatch(p -> Double.isFinite(p.value())
                && (p.probabilities() == null || Arrays.stream(p.probabilities()).allMatch(Double::isFinite)));
        checks.add(Check.of("sanity:finite", finite, finite ? "all finite" : "NaN/Inf", "finite",
                finite ? "Every output is a finite number." : "Some outputs are NaN or infinite."));
        if (model.info().task() == Task.CLASSIFICATION) {
            double worst = predictions.stream().mapToDouble(p -> Math.abs(Arrays.stream(p.probabilities()).sum() - 1))
                    .max().orElse(0);
            checks.add(Check.of("sanity:probabilities", worst <= 1e-4, worst, "|sum - 1| <= 1e-4", "Class probabilities"
                    + " sum to 1 within " + Html.number(worst) + " on every row."));
        }
        // the same batch twice: a different batch size may round differently inside BLAS, which is not a bug
        int k = Math.min(100, rows.rowCount());
        Table first = rows.select(IntStream.range(0, k).toArray());
        List<Prediction> once = model.predict(first);
        List<Prediction> again = model.predict(first);
        boolean same = IntStream.range(0, k).allMatch(i -> again.get(i).value() == once.get(i).value());
        checks.add(Check.of("sanity:deterministic", same, same ? "identical" : "different", "identical", same
                ? "The same " + k + " rows scored twice give identical outputs." : "Scoring the same rows twice gave"
                + " different outputs."));
        return checks;
    }
}
