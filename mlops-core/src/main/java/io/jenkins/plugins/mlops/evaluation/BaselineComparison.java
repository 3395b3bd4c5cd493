package io.jenkins.plugins.mlops.evaluation;

import io.jenkins.plugins.mlops.contract.Check;
import io.jenkins.plugins.mlops.model.Prediction;
import io.jenkins.plugins.mlops.report.Html;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Changes versus a baseline model on all rows (paired bootstrap intervals); the baseline's metrics go to the {@code baseline} section. */
final class BaselineComparison implements ModelTest {
    @Override
    public boolean requested(Run run) {
        return run.baseline() != null;
    }

    @Override
    public List<Check> checks(Run run, Map<String, Object> sections) {
        Map<String, Object> comparison = new LinkedHashMap<>();
        comparison.put("metrics", Evaluation.of(run.baseline().preprocessor(), run.baselinePredictions(), run.rows(),
                run.dataFile()).metrics());
        sections.put("baseline", comparison);
        List<Check> checks = new ArrayList<>();
        if (run.suite().baseline() != null) {
            int n = run.rows().rowCount();
            for (Map.Entry<String, TestSuite.Change> e : run.suite().baseline().entrySet()) {
                checks.add(compare("baseline:" + e.getKey(), e.getKey(), run.all(), run.scoring(), run.predictions(),
                        run.baselinePredictions(), e.getValue(), "all " + n + " rows"));
            }
        }
        return checks;
    }

    /** A change versus the baseline fails only when its whole 95 % interval is worse than allowed. */
    static Check compare(String name, String metric, int[] rows, Scoring scoring, List<Prediction> challenger,
                         List<Prediction> baseline, TestSuite.Change change, String where) {
        double improvement = scoring.improvement(metric, rows, challenger, baseline);
        double[] ci = scoring.improvementInterval(metric, rows, challenger, baseline);
        double baseValue = scoring.metric(metric, rows, baseline);
        double allowed = Boolean.TRUE.equals(change.relative()) ? change.maxDrop() * Math.abs(baseValue) : change.maxDrop();
        boolean fails = ci[1] < -allowed;
        String sentence = metric + (improvement == 0 ? " the same as the baseline's" : " " + (improvement > 0 ? "better"
                : "worse") + " than the baseline by " + Html.number(Math.abs(improvement))) + " on " + where + " (95 % CI of the change [" + Html.number(ci[0])
                + ", " + Html.number(ci[1]) + "], baseline " + Html.number(baseValue) + ")"
                + (fails ? ": worse beyond the allowed drop of " + Html.number(allowed) + "." : ".");
        return Check.of(name, !fails, improvement, "change >= " + (allowed == 0 ? "0" : "-" + Html.number(allowed))
                + " (CI upper bound)", sentence);
    }
}
