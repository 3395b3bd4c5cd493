package io.jenkins.plugins.mlops.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.mlops.stage.StageRunner;
import io.jenkins.plugins.mlops.contract.Json;
import io.jenkins.plugins.mlops.contract.Status;
import io.jenkins.plugins.mlops.contract.StepResult;
import io.jenkins.plugins.mlops.testing.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ValidateStepTest {
    @Test
    void anomaliesCarryKindCountAndLineNumbers(@TempDir Path out) {
        StepResult result = StageRunner.run(new ValidateSpec(Fixtures.bad("out-of-range.csv"),
                Fixtures.spec("penguins.schema.json"), null), out);
        assertThat(result.getStatus()).isEqualTo(Status.FAILED);
        JsonNode json = Json.readTree(out.resolve("validation.json"));
        assertThat(json.get("schemaVersion").asInt()).isEqualTo(1);
        assertThat(json.get("step").asText()).isEqualTo("validation");
        assertThat(json.get("status").asText()).isEqualTo("FAILED");
        assertThat(json.get("anomalies")).hasSize(3);
        JsonNode range = anomaly(json, "out_of_range");
        assertThat(range.get("column").asText()).isEqualTo("flipper_length_mm");
        assertThat(range.get("examples").get(0).get("line").asLong()).isEqualTo(3);
        assertThat(range.get("examples").get(0).get("value").asText()).isEqualTo("1860");
        assertThat(range.get("message").asText()).isEqualTo("Column 'flipper_length_mm' has 1 value outside [166, 237].");
        assertThat(anomaly(json, "unexpected_category").get("examples").get(0).get("value").asText()).isEqualTo("Atlantis");
        assertThat(anomaly(json, "type_mismatch").get("examples").get(0).get("line").asLong()).isEqualTo(5);
        assertThat(json.get("columns").get(0).get("name").asText()).isEqualTo("species");
        assertThat(out.resolve("validation.html")).exists();
        assertThat(out.resolve("validation-junit.xml")).exists();
    }

    /**
     * A category that passed is not checked again on later rows (the scan's fast path); one that
     * broke a rule is counted on every row, and in a unique column every repeat is a duplicate.
     */
    @Test
    void everyOccurrenceOfABadValueCountsThoughGoodValuesAreCheckedOnce(@TempDir Path out) throws Exception {
        Path data = out.resolve("penguins-atlantis.csv");
        java.util.List<String> lines = Files.readAllLines(Fixtures.dataset("penguins.csv"));
        long torgersen = lines.stream().filter(l -> l.contains(",Torgersen,")).count();
        Files.write(data, lines.stream().map(l -> l.replace(",Torgersen,", ",Atlantis,")).toList());
        com.fasterxml.jackson.databind.node.ObjectNode schema = (com.fasterxml.jackson.databind.node.ObjectNode)
                Json.readTree(Fixtures.spec("penguins.schema.json"));
        for (JsonNode field : schema.get("fields")) {
            if (field.get("name").asText().equals("species")) {
                ((com.fasterxml.jackson.databind.node.ObjectNode) field).withObject("/constraints").put("unique", true);
            }
        }
        Path schemaFile = out.resolve("schema-unique-species.json");
        Files.writeString(schemaFile, Json.JSON.writeValueAsString(schema));
        StageRunner.run(new ValidateSpec(data, schemaFile, null), out.resolve("result"));
        JsonNode json = Json.readTree(out.resolve("result/validation.json"));
        assertThat(torgersen).isEqualTo(52);
        assertThat(anomaly(json, "unexpected_category").get("count").asLong()).isEqualTo(torgersen);
        // three species in 344 rows: every row after a species' first is a duplicate
        assertThat(anomaly(json, "duplicate_value").get("count").asLong()).isEqualTo(344 - 3);
    }

    @Test
    void inferredSchemaIsWrittenAndColumnsProfiled(@TempDir Path out) {
        StepResult result = StageRunner.run(new ValidateSpec(Fixtures.dataset("penguins.csv"), null, null), out);
        assertThat(result.getStatus()).isEqualTo(Status.PASSED);
        assertThat(out.resolve("schema.json")).exists();
        JsonNode mass = Json.readTree(out.resolve("validation.json")).get("columns").get(5);
        assertThat(mass.get("name").asText()).isEqualTo("body_mass_g");
        assertThat(mass.get("count").asLong()).isEqualTo(344);
        assertThat(mass.get("missing").asLong()).isEqualTo(2);
        assertThat(mass.get("min").asDouble()).isEqualTo(2700);
        assertThat(mass.get("max").asDouble()).isEqualTo(6300);
        assertThat(mass.get("mean").asDouble()).isCloseTo(4201.754, org.assertj.core.data.Offset.offset(0.001));
    }

    @Test
    void headerOnlyFileIsAnEmptyDatasetAnomaly(@TempDir Path out) {
        StepResult result = StageRunner.run(new ValidateSpec(Fixtures.bad("header-only.csv"), null, null), out);
        assertThat(result.getStatus()).isEqualTo(Status.FAILED);
        assertThat(Json.readTree(out.resolve("validation.json")).get("anomalies").get(0).get("kind").asText())
                .isEqualTo("empty_dataset");
    }

    @Test
    void badInputWritesNothing(@TempDir Path out) throws Exception {
        Path target = out.resolve("results");
        assertThatThrownBy(() -> StageRunner.run(new ValidateSpec(Fixtures.bad("ragged-row-line7.csv"), null, null),
                target)).hasMessageContaining(":7:");
        assertThat(Files.exists(target)).isFalse();
    }

    @Test
    void driftVersusReferenceIsReportedForEveryColumn(@TempDir Path out) {
        StageRunner.run(new ValidateSpec(Fixtures.dataset("penguins.csv"), null, Fixtures.dataset("penguins.csv")), out);
        JsonNode drift = Json.readTree(out.resolve("validation.json")).get("drift");
        assertThat(drift).hasSize(8);
        drift.forEach(d -> assertThat(d.get("verdict").asText()).isEqualTo("NO_DRIFT"));
    }

    @Test
    void savedProfileIsAReferenceLikeItsCsv(@TempDir Path out) throws Exception {
        Path weather = Fixtures.dataset("seattle_weather.csv");
        Path profile = out.resolve("weather.profile.json");
        StageRunner.run(new ValidateSpec(weather, null, null).withSaveProfile(profile), out.resolve("a"));
        assertThat(Files.readString(profile)).startsWith("{\"format\":\"mlops-profile/1\"");
        StageRunner.run(new ValidateSpec(Fixtures.dataset("seattle_weather.csv"), null, weather), out.resolve("csv"));
        StageRunner.run(new ValidateSpec(Fixtures.dataset("seattle_weather.csv"), null, profile), out.resolve("profile"));
        JsonNode viaCsv = Json.readTree(out.resolve("csv/validation.json")).get("drift");
        JsonNode viaProfile = Json.readTree(out.resolve("profile/validation.json")).get("drift");
        assertThat(viaProfile).isEqualTo(viaCsv);
        assertThat(viaProfile).hasSize(6);
    }

    @Test
    void unknownLabelIsAnInputError(@TempDir Path out) {
        assertThatThrownBy(() -> StageRunner.run(new ValidateSpec(Fixtures.dataset("iris.csv"), null, null)
                .withLabel("species"), out)).hasMessageContaining("label column 'species' is not in the data");
    }

    private static JsonNode anomaly(JsonNode json, String kind) {
        for (JsonNode a : json.get("anomalies")) {
            if (a.get("kind").asText().equals(kind)) {
                return a;
            }
        }
        throw new AssertionError("no anomaly " + kind);
    }
}
