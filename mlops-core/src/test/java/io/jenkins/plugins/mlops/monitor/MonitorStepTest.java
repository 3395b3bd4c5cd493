package io.jenkins.plugins.mlops.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.mlops.contract.Json;
import io.jenkins.plugins.mlops.contract.StepResult;
import io.jenkins.plugins.mlops.data.CsvReader;
import io.jenkins.plugins.mlops.data.Table;
import io.jenkins.plugins.mlops.drift.DriftConfig;
import io.jenkins.plugins.mlops.schema.Schema;
import io.jenkins.plugins.mlops.schema.SchemaInference;
import io.jenkins.plugins.mlops.testing.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The monitor on a server's log folder: rotated files in order, ground truth joined by request id. */
class MonitorStepTest {
    @Test
    void labelsThatArriveLaterShowAFallInAccuracy(@TempDir Path dir) throws Exception {
        Table penguins = new CsvReader().read(Fixtures.dataset("penguins.csv"));
        StringBuilder older = new StringBuilder();
        StringBuilder newer = new StringBuilder();
        StringBuilder feedback = new StringBuilder();
        int s = penguins.columnIndex("species");
        for (int r = 0; r < 200; r++) {
            Map<String, String> inputs = new LinkedHashMap<>();
            for (String c : List.of("island", "bill_length_mm", "flipper_length_mm")) {
                inputs.put(c, penguins.value(r, penguins.columnIndex(c)));
            }
            String truth = penguins.value(r, s);
            // right in the first hundred rows, wrong in half of the second hundred
            String predicted = r < 100 || r % 2 == 0 ? truth : "Gentoo".equals(truth) ? "Adelie" : "Gentoo";
            PredictionLogEntry e = new PredictionLogEntry("2026-11-26T00:00:" + (r % 60) + "Z", "req-" + r, 0, "p", "1",
                    1.0, inputs, predicted, 0.9, null, null);
            (r < 100 ? older : newer).append(Json.JSON.writer().without(
                    com.fasterxml.jackson.databind.SerializationFeature.INDENT_OUTPUT).writeValueAsString(e)).append('\n');
            feedback.append("{\"requestId\":\"req-").append(r).append("\",\"labels\":[\"").append(truth).append("\"]}\n");
        }
        Files.writeString(dir.resolve("predictions-000001.jsonl"), older);
        Files.writeString(dir.resolve("predictions.jsonl"), newer);
        Files.writeString(dir.resolve("feedback.jsonl"), feedback);

        Schema inputs = new Schema(SchemaInference.infer(penguins).fields().stream()
                .filter(f -> List.of("island", "bill_length_mm", "flipper_length_mm").contains(f.name())).toList(), null);
        StepResult r = MonitorStep.run(dir, penguins, inputs, 100, DriftConfig.DEFAULT, dir.resolve("out"));
        @SuppressWarnings("unchecked")
        List<MonitorStep.Window> windows = (List<MonitorStep.Window>) r.getSections().get("windows");
        assertThat(windows).hasSize(2);
        assertThat(windows.get(0).accuracy()).isEqualTo(1.0);
        assertThat(windows.get(1).accuracy()).isBetween(0.45, 0.55);
        assertThat(windows.get(1).labelled()).isEqualTo(100);
        @SuppressWarnings("unchecked")
        Map<String, Object> recommendation = (Map<String, Object>) r.getSections().get("recommendation");
        assertThat(recommendation.get("retrain")).isEqualTo(true);
        assertThat(recommendation.get("reasons").toString()).contains("accuracy fell from 1.000");
        assertThat(windows.get(1).firstRow()).isEqualTo(101);
        assertThat(windows.get(1).lastRow()).isEqualTo(200);
        assertThat(windows.get(1).from()).isEqualTo("2026-11-26T00:00:40Z");

        // the log streams past once; the provenance is still the digest of its bytes in order, labels last
        java.security.MessageDigest digest = io.jenkins.plugins.mlops.data.Sha256.newDigest();
        for (String f : List.of("predictions-000001.jsonl", "predictions.jsonl", "feedback.jsonl")) {
            digest.update(Files.readAllBytes(dir.resolve(f)));
        }
        assertThat(((io.jenkins.plugins.mlops.contract.Provenance) r.getSections().get("provenance")).traffic().sha256())
                .isEqualTo(java.util.HexFormat.of().formatHex(digest.digest()));
    }
}
