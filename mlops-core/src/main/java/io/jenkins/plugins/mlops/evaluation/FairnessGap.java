package io.jenkins.plugins.mlops.evaluation;

import io.jenkins.plugins.mlops.contract.Check;
import io.jenkins.plugins.mlops.contract.CheckStatus;
import io.jenkins.plugins.mlops.contract.InvalidInputException;
import io.jenkins.plugins.mlops.data.Table;
import io.jenkins.plugins.mlops.model.Prediction;
import io.jenkins.plugins.mlops.model.Preprocessor;
import io.jenkins.plugins.mlops.model.Task;
import io.jenkins.plugins.mlops.report.Html;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The largest metric gap between groups of one column (the suite's {@code fairness}). */
final class FairnessGap implements ModelTest {
    @Override
    public boolean requested(Run run) {
        return run.suite().fairness() != null;
    }

    @Override
    public List<Check> checks(Run run, Map<String, Object> sections) {
        return List.of(fairness(run.suite(), run.rows(), run.scoring(), run.predictions(), run.model().preprocessor(),
                run.dataFile()));
    }

    /** The largest metric gap between groups with enough rows to compare. */
    private static Check fairness(TestSuite suite, Table rows, Scoring scoring, List<Prediction> predictions, Preprocessor pre,
                                  Path dataFile) {
        TestSuite.Fairness f = suite.fairness();
        int c = rows.columnIndex(f.column());
        if (c < 0) {
            throw InvalidInputException.in(dataFile, "fairness column '" + f.column() + "' is not in the data");
        }
        String metric = f.metric() != null ? f.metric() : pre.task() == Task.CLASSIFICATION ? "accuracy" : "mae";
        int minSize = suite.slices() != null && suite.slices().minSize() != null ? suite.slices().minSize()
                : SlicePerformance.DEFAULT_MIN_SLICE;
        Map<String, Double> byGroup = new LinkedHashMap<>();
        SlicePerformance.groups(rows, c).forEach((group, members) -> {
            if (members.length >= minSize) {
                byGroup.put(group, scoring.metric(metric, members, predictions));
            }
        });
        if (byGroup.size() < 2) {
            return new Check("fairness:" + f.column(), CheckStatus.INSUFFICIENT_DATA, byGroup.size(), ">= 2 groups of "
                    + minSize + " rows", "Fewer than two groups of '" + f.column() + "' have " + minSize + " rows.");
        }
        double max = byGroup.values().stream().mapToDouble(Double::doubleValue).max().orElseThrow();
        double min = byGroup.values().stream().mapToDouble(Double::doubleValue).min().orElseThrow();
        double gap = max - min;
        return Check.of("fairness:" + f.column(), gap <= f.maxGap(), gap, "<= " + f.maxGap(), "Largest " + metric
                + " gap between groups of '" + f.column() + "': " + Html.number(gap) + " " + byGroup + ".");
    }
}
