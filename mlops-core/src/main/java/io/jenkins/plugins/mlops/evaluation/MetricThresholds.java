package io.jenkins.plugins.mlops.evaluation;

import io.jenkins.plugins.mlops.contract.Check;
import io.jenkins.plugins.mlops.report.Html;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Absolute bounds on the headline metrics (the suite's {@code metrics}). */
final class MetricThresholds implements ModelTest {
    @Override
    public boolean requested(Run run) {
        return run.suite().metrics() != null;
    }

    @Override
    public List<Check> checks(Run run, Map<String, Object> sections) {
        List<Check> checks = new ArrayList<>();
        int n = run.rows().rowCount();
        for (Map.Entry<String, TestSuite.Bound> e : run.suite().metrics().entrySet()) {
            double value = run.metrics().get(e.getKey());
            boolean ok = e.getValue().holds(value);
            checks.add(Check.of(e.getKey(), ok, value, e.getValue().describe(), e.getKey() + " = " + Html.number(value)
                    + " on " + n + " rows " + (ok ? "meets" : "misses") + " the threshold " + e.getValue().describe()
                    + "."));
        }
        return checks;
    }
}
