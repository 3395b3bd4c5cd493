package io.jenkins.plugins.mlops.evaluation;

import io.jenkins.plugins.mlops.contract.Check;
import io.jenkins.plugins.mlops.report.Html;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Single-row and batch latency against the suite's budget and against the baseline's; the figures go to the {@code latency} section. */
final class LatencyBudget implements ModelTest {
    @Override
    public boolean requested(Run run) {
        return run.suite().latency() != null;
    }

    @Override
    public List<Check> checks(Run run, Map<String, Object> sections) {
        TestSuite.Latency budget = run.suite().latency();
        Map<String, Double> latency = Latency.measure(run.model(), run.sample());
        List<Check> checks = new ArrayList<>(Latency.checks(latency, budget));
        if (run.baseline() != null) {
            Map<String, Double> baseLatency = Latency.measure(run.baseline(), run.sample());
            latency.put("baselineP99Ms", baseLatency.get("p99Ms"));
            latency.put("baselineBatchRowsPerSecond", baseLatency.get("batchRowsPerSecond"));
            if (budget.maxSlowdown() != null) {
                double ratio = latency.get("p99Ms") / Math.max(1e-9, baseLatency.get("p99Ms"));
                checks.add(Check.of("latency:vs-baseline", ratio <= budget.maxSlowdown(), ratio, "<= "
                        + budget.maxSlowdown() + "x", "Single-row p99 " + Html.number(latency.get("p99Ms"))
                        + " ms against the baseline's " + Html.number(baseLatency.get("p99Ms")) + " ms: "
                        + Html.number(ratio) + " times."));
            }
        }
        sections.put("latency", latency);
        return checks;
    }
}
