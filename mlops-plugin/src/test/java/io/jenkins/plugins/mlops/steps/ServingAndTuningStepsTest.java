package io.jenkins.plugins.mlops.steps;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.mlops.adapter.StepOutcome;
import io.jenkins.plugins.mlops.contract.Json;
import io.jenkins.plugins.mlops.monitor.PredictionLogEntry;
import io.jenkins.plugins.mlops.testing.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code tuneModel} and {@code shadowReport} on real data, through the step's arguments and the real engine. */
class ServingAndTuningStepsTest {
    @TempDir
    Path ws;

    @Test
    void tuneModelRanksItsShardsTrialsAndWritesTheBestSpec() {
        TuneModelStep tune = new TuneModelStep(Fixtures.spec("wine-tune.yaml").toString(),
                Fixtures.dataset("wine.csv").toString());
        tune.setParallelism("2");
        tune.setShard("1/4");
        StepOutcome outcome = EngineRuns.run(ws, tune, tune.arguments());
        assertThat(outcome.getStatus()).as(outcome.getSummary()).isEqualTo("PASSED");
        // the shard's share of the 12 trials, ranked by the spec's metric
        assertThat(outcome.getSummary()).matches("random search, [1-9]\\d* trials \\(shard 1/4\\): best accuracy .*");
        // the spec to train the final model with: the best parameters, no search left in it
        assertThat(ws.resolve("mlops/tune/best-spec.yaml")).content().contains("learningRate").doesNotContain("tune:");
        assertThat(ws.resolve("mlops/tune/tune.html")).isRegularFile();
    }

    @Test
    void shadowReportFailsAShadowThatWouldChangeTooManyAnswers() throws Exception {
        // version 1 answered 40 requests; the shadow, version 2, agreed on 30 of them
        List<String> log = new ArrayList<>();
        for (int r = 0; r < 40; r++) {
            Map<String, String> inputs = Map.of("x", String.valueOf(r));
            log.add(entry("req-" + r, "1", inputs, "a", null));
            log.add(entry("req-" + r, "2", inputs, r < 30 ? "a" : "b", true));
        }
        Path logs = Files.createDirectories(ws.resolve("logs"));
        Files.write(logs.resolve("predictions.jsonl"), log);
        ShadowReportStep shadow = new ShadowReportStep(logs.toString(), "churn", "2");
        shadow.setMinAgreement("0.9");
        StepOutcome outcome = EngineRuns.run(ws, shadow, shadow.arguments());
        assertThat(outcome.getStatus()).isEqualTo("FAILED");
        assertThat(outcome.getSummary()).contains("agreed with the primary on 75 % of 40 rows");
        assertThat(outcome.getMetrics()).containsEntry("agreement", 0.75);
    }

    private static String entry(String id, String version, Map<String, String> inputs, String prediction,
                                Boolean shadow) throws Exception {
        return Json.COMPACT.writeValueAsString(new PredictionLogEntry("2026-12-02T10:00:00Z", id, 0, "churn", version, 1.5,
                inputs, prediction, 0.9, null, shadow));
    }
}
