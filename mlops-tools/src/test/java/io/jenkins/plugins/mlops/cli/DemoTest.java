package io.jenkins.plugins.mlops.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.mlops.contract.Json;
import io.jenkins.plugins.mlops.testing.CspAssertions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `mlops demo` end to end, as a user runs it: every stage real, traffic over loopback HTTP. */
class DemoTest {
    @Test
    void demoRunsTheWholePipeline(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("demo");
        CliRun run = CliRun.of("demo", "--out", out.toString());
        assertThat(run.exit()).as(run.out() + run.err()).isZero();
        assertThat(run.out()).contains("inference calls answered: 300");

        String index = Files.readString(out.resolve("index.html"));
        for (String step : List.of("validation", "train", "test", "gate", "register", "deploy", "monitor")) {
            assertThat(index).contains("href=\"" + step + ".html\"");
            JsonNode result = Json.readTree(out.resolve(step + ".json"));
            assertThat(result.get("status").asText()).as(step).isIn("PASSED", "FAILED");
            assertThat(result.get("schemaVersion").asInt()).isEqualTo(1);
            DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(out.resolve(step + "-junit.xml").toFile());
        }
        try (Stream<Path> pages = Files.list(out)) {
            for (Path page : pages.filter(p -> p.toString().endsWith(".html")).toList()) {
                CspAssertions.assertCspClean(page.getFileName().toString(), Files.readString(page));
            }
        }

        JsonNode monitor = Json.readTree(out.resolve("monitor.json"));
        assertThat(monitor.get("status").asText()).isEqualTo("FAILED");
        JsonNode windows = monitor.get("windows");
        assertThat(windows).hasSize(2);
        windows.get(0).get("drift").forEach(d -> assertThat(d.get("verdict").asText()).isNotEqualTo("DRIFT"));
        List<String> drifted = new java.util.ArrayList<>();
        windows.get(1).get("drift").forEach(d -> {
            if (d.get("verdict").asText().equals("DRIFT")) {
                drifted.add(d.get("column").asText());
            }
        });
        assertThat(drifted).containsExactlyInAnyOrder("body_mass_g", "flipper_length_mm");
        assertThat(monitor.get("recommendation").get("retrain").asBoolean()).isTrue();

        assertThat(Files.readAllLines(out.resolve("serving/predictions.jsonl"))).hasSize(300);
        assertThat(Json.readTree(out.resolve("test.json")).get("metrics").get("accuracy").asDouble()).isGreaterThan(0.95);
        assertThat(Json.readTree(out.resolve("gate.json")).get("status").asText()).isEqualTo("PASSED");

        // run again in the same folder, as a user who types ./mlops demo twice: the same pipeline, not one
        // on top of the last run's registry and prediction log
        CliRun again = CliRun.of("demo", "--out", out.toString());
        assertThat(again.exit()).as(again.out() + again.err()).isZero();
        assertThat(again.out()).contains("Registered penguins@1 ");
        assertThat(Files.readAllLines(out.resolve("serving/predictions.jsonl"))).hasSize(300);
    }
}
