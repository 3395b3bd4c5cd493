package io.jenkins.plugins.mlops.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.mlops.contract.Json;
import io.jenkins.plugins.mlops.data.Sha256;
import io.jenkins.plugins.mlops.testing.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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

    private static JsonNode check(Path gate, String name) {
        for (JsonNode c : Json.readTree(gate.resolve("gate.json")).path("checks")) {
            if (c.path("name").asText().equals(name)) {
                return c;
            }
        }
        throw new AssertionError("no check " + name + " in " + gate);
    }
}
