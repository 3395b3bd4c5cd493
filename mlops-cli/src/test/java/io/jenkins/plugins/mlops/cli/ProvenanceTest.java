package io.jenkins.plugins.mlops.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.mlops.contract.Json;
import io.jenkins.plugins.mlops.data.Sha256;
import io.jenkins.plugins.mlops.monitor.PredictionLogEntry;
import io.jenkins.plugins.mlops.testing.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Provenance by construction, on the penguins data: validation, training and tests name the data
 * and the model they judged, and the gate rejects results that do not fit together.
 */
class ProvenanceTest {
    @TempDir
    static Path dir;
    static Path validation;
    static Path train;
    static Path test;

    private static Path run(String... args) {
        CliRun run = CliRun.of(args);
        assertThat(run.exit()).as(run.err()).isZero();
        return Path.of(args[args.length - 1]);
    }

    @BeforeAll
    static void validateTrainAndTestOnePenguinsModel() {
        Path data = Fixtures.dataset("penguins.csv");
        validation = run("validate", "--data", data.toString(), "--out", dir.resolve("validation").toString());
        train = run("train", "--spec", Fixtures.spec("penguins.yaml").toString(), "--data", data.toString(), "--out",
                dir.resolve("train").toString());
        test = run("test", "--model", train.resolve("model").toString(), "--data", train.resolve("holdout.csv").toString(),
                "--out", dir.resolve("test").toString());
    }

    private static JsonNode provenance(Path out, String step) {
        return Json.readTree(out.resolve(step + ".json")).get("provenance");
    }

    @Test
    void everyResultNamesTheDataAndModelItJudged() throws Exception {
        String penguins = Sha256.of(Fixtures.dataset("penguins.csv"));
        String model = Sha256.of(train.resolve("model/manifest.json"));
        assertThat(provenance(validation, "validation").path("data").path("sha256").asText()).isEqualTo(penguins);
        JsonNode trained = provenance(train, "train");
        assertThat(trained.path("data").path("sha256").asText()).isEqualTo(penguins);
        assertThat(trained.path("holdout").path("sha256").asText()).isEqualTo(Sha256.of(train.resolve("holdout.csv")));
        assertThat(trained.path("model").asText()).isEqualTo(model);
        JsonNode tested = provenance(test, "test");
        assertThat(tested.path("model").asText()).isEqualTo(model);
        assertThat(tested.path("data").path("sha256").asText()).isEqualTo(trained.path("holdout").path("sha256").asText());
    }

    @Test
    void resultsThatFitTogetherPassTheGate() {
        Path gate = dir.resolve("gate-ok");
        CliRun run = CliRun.of("gate", "--results", validation.toString(), train.toString(), test.toString(), "--out",
                gate.toString());
        assertThat(run.exit()).as(run.err()).isZero();
        JsonNode check = check(gate, "provenance");
        assertThat(check.path("status").asText()).isEqualTo("PASSED");
        assertThat(check.path("reason").asText()).contains("3 results that name their inputs agree");
    }

    @Test
    void validationOfOtherDataThanTrainingFailsTheGateNamingBothFiles() throws Exception {
        List<String> lines = Files.readAllLines(Fixtures.dataset("penguins.csv"));
        Path changed = Files.write(dir.resolve("penguins-changed.csv"), lines.subList(0, lines.size() - 1));
        Path otherValidation = run("validate", "--data", changed.toString(), "--out", dir.resolve("validation2").toString());
        Path gate = dir.resolve("gate-data");
        CliRun run = CliRun.of("gate", "--results", otherValidation.toString(), train.toString(), test.toString(),
                "--out", gate.toString());
        assertThat(run.exit()).isEqualTo(1);
        assertThat(check(gate, "provenance").path("reason").asText())
                .contains("validation checked penguins-changed.csv").contains("but train trained on penguins.csv");
        assertThat(Json.readTree(gate.resolve("gate.json")).path("summary").asText()).startsWith("Rejected");
    }

    @Test
    void testsOfAnotherModelFailTheGateNamingTheSteps() throws Exception {
        Path spec = Files.writeString(dir.resolve("penguins-seed7.yaml"),
                Files.readString(Fixtures.spec("penguins.yaml")).replace("seed: 42", "seed: 7"));
        Path retrained = run("train", "--spec", spec.toString(), "--data", Fixtures.dataset("penguins.csv").toString(),
                "--out", dir.resolve("train2").toString());
        Path gate = dir.resolve("gate-model");
        CliRun run = CliRun.of("gate", "--results", validation.toString(), retrained.toString(), test.toString(), "--out",
                gate.toString());
        assertThat(run.exit()).isEqualTo(1);
        assertThat(check(gate, "provenance").path("reason").asText()).contains("the results judged different models")
                .contains("train model").contains("test model");
    }

    @Test
    void monitoringTheServingModelBesideANewCandidateNamesBothWithoutDisagreeing() throws Exception {
        Path spec = Files.writeString(dir.resolve("penguins-production.yaml"),
                Files.readString(Fixtures.spec("penguins.yaml")).replace("seed: 42", "seed: 3"));
        Path production = run("train", "--spec", spec.toString(), "--data", Fixtures.dataset("penguins.csv").toString(),
                "--out", dir.resolve("production").toString());
        Path log = dir.resolve("predictions.jsonl");
        Files.write(log, servedPenguins());
        CliRun monitoring = CliRun.of("monitor", "--log", log.toString(), "--model", production.resolve("model").toString(),
                "--out", dir.resolve("monitor").toString());
        assertThat(monitoring.exit()).as(monitoring.err()).isZero();
        JsonNode monitored = provenance(dir.resolve("monitor"), "monitor");
        assertThat(monitored.path("traffic").path("sha256").asText()).isEqualTo(Sha256.of(log));
        assertThat(monitored.path("serving").asText()).isEqualTo(Sha256.of(production.resolve("model/manifest.json")));
        assertThat(monitored.has("model")).as("the serving model is not the candidate").isFalse();

        Path gate = dir.resolve("gate-monitor");
        CliRun run = CliRun.of("gate", "--results", validation.toString(), train.toString(), test.toString(),
                dir.resolve("monitor").toString(), "--out", gate.toString());
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(check(gate, "provenance").path("reason").asText()).contains("4 results that name their inputs agree");
    }

    /** The penguins rows as a server logs them, one request each, answered by the production model. */
    private static List<String> servedPenguins() throws Exception {
        List<String> rows = Files.readAllLines(Fixtures.dataset("penguins.csv"));
        List<String> header = List.of(rows.get(0).split(",", -1));
        List<String> log = new ArrayList<>();
        for (int r = 1; r < rows.size(); r++) {
            String[] values = rows.get(r).split(",", -1);
            Map<String, String> inputs = new LinkedHashMap<>();
            for (int c = 0; c < header.size(); c++) {
                inputs.put(header.get(c), values[c].isEmpty() || values[c].equals("NA") ? null : values[c]);
            }
            log.add(Json.COMPACT.writeValueAsString(new PredictionLogEntry("2026-12-02T10:00:00Z", "req-" + r, 0,
                    "penguins", "1", 2.0, inputs, values[0], 0.9, null, null)));
        }
        return log;
    }

    private static JsonNode check(Path gate, String name) {
        for (JsonNode c : Json.readTree(gate.resolve("gate.json")).path("checks")) {
            if (c.path("name").asText().equals(name)) {
                return c;
            }
        }
        throw new AssertionError("no check " + name + " in " + gate);
    }
}
