package io.jenkins.plugins.mlops.serving;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.jenkins.plugins.mlops.contract.CheckStatus;
import io.jenkins.plugins.mlops.contract.InvalidInputException;
import io.jenkins.plugins.mlops.contract.Json;
import io.jenkins.plugins.mlops.contract.StepResult;
import io.jenkins.plugins.mlops.data.CsvReader;
import io.jenkins.plugins.mlops.data.Table;
import io.jenkins.plugins.mlops.monitor.PredictionLogEntry;
import io.jenkins.plugins.mlops.testing.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shadow comparison reads the log as it streams past: a request row's two answers pair whichever
 * was logged first, across rotated files, and entries of other models and shadow versions stay out.
 */
class ShadowStepTest {
    private static final String[] CLASSES = {"setosa", "versicolor", "virginica"};
    private static final ObjectWriter LINE = Json.JSON.writer().without(SerializationFeature.INDENT_OUTPUT);

    @Test
    void pairsEachRequestRowWhicheverAnswerWasLoggedFirst(@TempDir Path tmp) throws Exception {
        Table iris = new CsvReader().read(Fixtures.dataset("iris.csv"));
        int label = iris.columnIndex("target");
        StringBuilder older = new StringBuilder();
        StringBuilder newer = new StringBuilder();
        StringBuilder feedback = new StringBuilder();
        long pairs = 0;
        long agree = 0;
        long primaryRight = 0;
        long shadowRight = 0;
        for (int r = 0; r < 60; r++) {
            Map<String, String> inputs = new LinkedHashMap<>();
            for (String column : iris.columns()) {
                if (!column.equals("target")) {
                    inputs.put(column, iris.value(r * 2, iris.columnIndex(column)));
                }
            }
            String truth = iris.value(r * 2, label);
            String primary = r % 10 == 0 ? other(truth) : truth;
            String shadow = r % 7 == 0 ? other(truth) : truth;
            String id = "req-" + r;
            StringBuilder file = r < 30 ? older : newer;
            // before them, another shadow version and another model's shadow answer the same request: neither pairs
            file.append(line(id, "1", inputs, other(shadow), true)).append(line(id, "2", inputs, other(shadow), true)
                    .replace("\"model\":\"iris\"", "\"model\":\"iris-b\""));
            String answered = line(id, "3", inputs, primary, false);
            String shadowed = line(id, "2", inputs, shadow, true);
            // the shadow's answer before the primary's on odd rows, none at all for the last five
            if (r >= 55) {
                file.append(answered);
            } else {
                file.append(r % 2 == 0 ? answered + shadowed : shadowed + answered);
                pairs++;
                agree += primary.equals(shadow) ? 1 : 0;
                if (r < 40) {
                    primaryRight += primary.equals(truth) ? 1 : 0;
                    shadowRight += shadow.equals(truth) ? 1 : 0;
                }
            }
            // and another model's primary after them
            file.append(line(id, "3", inputs, other(primary), false).replace("\"model\":\"iris\"", "\"model\":\"iris-b\""));
            if (r < 40) {
                feedback.append("{\"requestId\":\"").append(id).append("\",\"labels\":[\"").append(truth).append("\"]}\n");
            }
        }
        Path log = Files.createDirectories(tmp.resolve("log"));
        Files.writeString(log.resolve("predictions-000001.jsonl"), older);
        Files.writeString(log.resolve("predictions.jsonl"), newer);
        Files.writeString(log.resolve("feedback.jsonl"), feedback);

        StepResult result = ShadowStep.run(log, "iris", "2", 0.9, tmp.resolve("out"));

        Map<?, ?> comparison = (Map<?, ?>) result.getSections().get("comparison");
        assertThat(pairs).isEqualTo(55);
        assertThat(comparison.get("pairs")).isEqualTo(pairs);
        assertThat((double) comparison.get("agreement")).isEqualTo((double) agree / pairs);
        assertThat(comparison.get("labelled")).isEqualTo(40L);
        assertThat((double) comparison.get("primaryAccuracy")).isEqualTo(primaryRight / 40.0);
        assertThat((double) comparison.get("shadowAccuracy")).isEqualTo(shadowRight / 40.0);
        // the primary wrong on 6 of the 55 rows, the shadow on 8, both (alike) on row 0: 12 disagreements
        assertThat(agree).isEqualTo(43);
        assertThat(result.getChecks()).filteredOn(c -> c.name().equals("agreement"))
                .singleElement().satisfies(c -> assertThat(c.status()).isEqualTo(CheckStatus.FAILED));

        assertThatThrownBy(() -> ShadowStep.run(log, "iris", "4", 0.9, tmp.resolve("none")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("no shadow predictions of iris@4");
    }

    /**
     * A client reusing a request id under load: two answers, then the shadow's two (it answers after the reply).
     * They pair in order, first with first.
     */
    @Test
    void aReusedRequestIdPairsItsAnswersInOrder(@TempDir Path tmp) throws Exception {
        Map<String, String> inputs = Map.of("petal length (cm)", "1.4");
        Path log = Files.createDirectories(tmp.resolve("log"));
        Files.writeString(log.resolve("predictions.jsonl"), line("same", "3", inputs, "setosa", false)
                + line("same", "3", inputs, "virginica", false) + line("same", "2", inputs, "setosa", true)
                + line("same", "2", inputs, "virginica", true));

        Map<?, ?> comparison = (Map<?, ?>) ShadowStep.run(log, "iris", "2", 0.9, tmp.resolve("out")).getSections()
                .get("comparison");

        assertThat(comparison.get("pairs")).isEqualTo(2L);
        assertThat(comparison.get("agreement")).isEqualTo(1.0);
    }

    private static String other(String label) {
        return CLASSES[(List.of(CLASSES).indexOf(label) + 1) % CLASSES.length];
    }

    private static String line(String id, String version, Map<String, String> inputs, String prediction, boolean shadow)
            throws Exception {
        return LINE.writeValueAsString(new PredictionLogEntry("2026-12-04T10:00:00Z", id, 0, "iris", version, 2.5,
                inputs, prediction, 0.9, null, shadow ? Boolean.TRUE : null)) + "\n";
    }
}
