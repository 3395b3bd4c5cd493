package io.jenkins.plugins.mlops.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.mlops.contract.Json;
import io.jenkins.plugins.mlops.testing.Fixtures;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code mlops predict} on a registered iris model: the predictions file, its drift report, and bad input;
 * and the registered version as {@code mlops test}'s baseline.
 */
class BatchScoringTest {
    @TempDir
    static Path tmp;
    static String home;

    @BeforeAll
    static void registerIris() throws Exception {
        Path spec = tmp.resolve("iris.yaml");
        Files.writeString(spec, "task: classification\nlabel: target\nseed: 5\ntraining: {epochs: 40}\n");
        CliRun train = CliRun.of("train", "--spec", spec.toString(), "--data", Fixtures.dataset("iris.csv").toString(),
                "--out", tmp.resolve("t").toString());
        assertThat(train.exit()).as(train.err()).isIn(0, 1);
        home = tmp.resolve("home").toString();
        assertThat(CliRun.of("registry", "register", "--registry", home, "--model", tmp.resolve("t/model").toString(),
                "--name", "iris", "--alias", "production").exit()).isZero();
    }

    @Test
    void scoresEveryRowInOrderAndFindsNoDriftOnTheTrainingDistribution() throws Exception {
        Path out = tmp.resolve("clean");
        CliRun run = CliRun.of("predict", "--registry", home, "--model", "iris@production", "--data",
                Fixtures.dataset("iris.csv").toString(), "--out", out.toString());
        assertThat(run.exit()).as(run.out() + run.err()).isZero();
        List<String> input = Files.readAllLines(Fixtures.dataset("iris.csv"));
        List<String> lines = Files.readAllLines(out.resolve("predictions.csv"));
        assertThat(lines).hasSize(input.size());
        assertThat(lines.get(0)).isEqualTo(input.get(0) + ",prediction,probability,p(setosa),p(versicolor),p(virginica)");
        for (int i = 1; i < lines.size(); i++) {
            assertThat(lines.get(i)).startsWith(input.get(i) + ",");
        }
        long correct = lines.stream().skip(1).map(l -> l.split(","))
                .filter(f -> f[4].equals(f[5])).count();
        assertThat(correct).as("iris is easy: most rows predicted right").isGreaterThan(120);
        JsonNode result = Json.readTree(out.resolve("predict.json"));
        assertThat(result.path("status").asText()).isEqualTo("PASSED");
        assertThat(result.path("model").asText()).isEqualTo("iris@1");
        assertThat(result.path("rows").asLong()).isEqualTo(150);
        assertThat(result.path("predictionCounts").size()).isEqualTo(3);
        assertThat(result.path("provenance").path("model").asText()).hasSize(64);
        assertThat(checkStatus(result, "drift:prediction")).isEqualTo("PASSED");
        assertThat(Files.readString(out.resolve("predict.html"))).contains("Predictions against the training reference");
        assertThat(out.resolve("predict-junit.xml")).exists();
    }

    /**
     * Rows are scored from typed columns, and written out as the file had them: NA markers, quoted commas
     * and free text come back field for field, each row followed by its prediction.
     */
    @Test
    void theOutputRowsAreTheInputRowsFieldForField() throws Exception {
        Path raw = Fixtures.dataset("penguins_raw.csv");
        Path spec = Files.writeString(tmp.resolve("raw.yaml"), "task: classification\nlabel: Species\nseed: 5\n"
                + "training: {epochs: 3}\n");
        CliRun train = CliRun.of("train", "--spec", spec.toString(), "--data", raw.toString(), "--out",
                tmp.resolve("raw-train").toString());
        assertThat(train.exit()).as(train.err()).isIn(0, 1);
        Path out = tmp.resolve("raw-predict");
        CliRun run = CliRun.of("predict", "--model", tmp.resolve("raw-train/model").toString(), "--data",
                raw.toString(), "--out", out.toString());
        assertThat(run.exit()).as(run.out() + run.err()).isIn(0, 1);
        CSVFormat csv = CSVFormat.RFC4180;
        List<CSVRecord> input;
        List<CSVRecord> output;
        try (CSVParser in = CSVParser.parse(raw, StandardCharsets.UTF_8, csv);
             CSVParser scored = CSVParser.parse(out.resolve("predictions.csv"), StandardCharsets.UTF_8, csv)) {
            input = in.getRecords();
            output = scored.getRecords();
        }
        assertThat(output).hasSameSizeAs(input);
        long markers = 0;
        for (int r = 0; r < input.size(); r++) {
            List<String> fields = input.get(r).toList();
            assertThat(output.get(r).toList().subList(0, fields.size())).as("row %d", r).isEqualTo(fields);
            markers += fields.stream().filter("NA"::equals).count();
        }
        assertThat(markers).as("the fixture's NA markers, kept").isGreaterThan(10);
        List<String> header = output.get(0).toList();
        assertThat(header).endsWith("p(Gentoo penguin (Pygoscelis papua))");
        assertThat(header).contains("p(" + output.get(1).get(input.get(1).size()) + ")");
    }

    @Test
    void aBatchOfOneSpeciesIsPredictionDriftAndItsInputsExplainIt() throws Exception {
        List<String> lines = Files.readAllLines(Fixtures.dataset("iris.csv"));
        List<String> virginica = new ArrayList<>(List.of(lines.get(0)));
        lines.stream().filter(l -> l.endsWith(",virginica")).forEach(virginica::add);
        Path batch = tmp.resolve("virginica.csv");
        Files.write(batch, virginica);
        Path out = tmp.resolve("skewed");
        CliRun run = CliRun.of("predict", "--registry", home, "--model", "iris@1", "--data", batch.toString(), "--out",
                out.toString());
        assertThat(run.exit()).as(run.out() + run.err()).isEqualTo(1);
        JsonNode result = Json.readTree(out.resolve("predict.json"));
        assertThat(result.path("status").asText()).isEqualTo("FAILED");
        assertThat(checkStatus(result, "drift:prediction")).isEqualTo("FAILED");
        assertThat(checkStatus(result, "drift:petal length (cm)")).as("input drift warns, it does not fail")
                .isEqualTo("WARNING");
        assertThat(result.path("summary").asText()).contains("the predictions drifted").contains("petal length (cm)");
        assertThat(Files.readAllLines(out.resolve("predictions.csv"))).hasSize(51);
    }

    @Test
    void aPackageFolderScoresLikeItsRegisteredVersion() throws Exception {
        Path out = tmp.resolve("package");
        CliRun run = CliRun.of("predict", "--model", tmp.resolve("t/model").toString(), "--data",
                Fixtures.dataset("iris.csv").toString(), "--predictions", tmp.resolve("package.csv").toString(),
                "--out", out.toString());
        assertThat(run.exit()).as(run.err()).isZero();
        CliRun registered = CliRun.of("predict", "--registry", home, "--model", "iris@1", "--data",
                Fixtures.dataset("iris.csv").toString(), "--predictions", tmp.resolve("registered.csv").toString(),
                "--out", tmp.resolve("registered").toString());
        assertThat(registered.exit()).isZero();
        assertThat(Files.readAllLines(tmp.resolve("package.csv")))
                .isEqualTo(Files.readAllLines(tmp.resolve("registered.csv")));
    }

    @Test
    void aBrokenRowStopsWithItsLineAndLeavesNoPredictions() throws Exception {
        List<String> lines = new ArrayList<>(Files.readAllLines(Fixtures.dataset("iris.csv")));
        lines.set(39, "5.1,\"3.4,1.5,0.2,setosa");
        Path broken = tmp.resolve("broken.csv");
        Files.write(broken, lines);
        Path out = tmp.resolve("broken-out");
        CliRun run = CliRun.of("predict", "--registry", home, "--model", "iris@1", "--data", broken.toString(), "--out",
                out.toString());
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.oneLineError()).as(run.err()).isTrue();
        assertThat(run.err()).contains("broken.csv:40");
        assertThat(out.resolve("predictions.csv")).doesNotExist();
        assertThat(out.resolve("predict.json")).doesNotExist();
    }

    @Test
    void badArgumentsAreOneLineErrors() {
        CliRun oldOut = CliRun.of("predict", "--registry", home, "--model", "iris@1", "--data",
                Fixtures.dataset("iris.csv").toString(), "--out", tmp.resolve("p.csv").toString());
        assertThat(oldOut.exit()).isEqualTo(2);
        assertThat(oldOut.err()).contains("--out is the folder for the reports").contains("--predictions");
        CliRun unknown = CliRun.of("predict", "--registry", home, "--model", "iris@7", "--data",
                Fixtures.dataset("iris.csv").toString(), "--out", tmp.resolve("u").toString());
        assertThat(unknown.exit()).isEqualTo(2);
        assertThat(unknown.oneLineError()).as(unknown.err()).isTrue();
        CliRun headerOnly = CliRun.of("predict", "--registry", home, "--model", "iris@1", "--data",
                Fixtures.bad("header-only.csv").toString(), "--out", tmp.resolve("h").toString());
        assertThat(headerOnly.exit()).isEqualTo(2);
        assertThat(tmp.resolve("h/predictions.csv")).doesNotExist();
    }

    @Test
    void theTestsBaselineIsTheRegisteredProductionVersion() throws Exception {
        Path out = tmp.resolve("against-production");
        CliRun run = CliRun.of("test", "--registry", home, "--model", tmp.resolve("t/model").toString(), "--data",
                Fixtures.dataset("iris.csv").toString(), "--baseline", "iris@production", "--out", out.toString());
        assertThat(run.exit()).as(run.out() + run.err()).isZero();
        JsonNode baseline = Json.readTree(out.resolve("test.json")).path("baseline");
        assertThat(baseline.path("metrics").path("accuracy").asDouble())
                .as("the same package as baseline scores what the candidate scores")
                .isEqualTo(Json.readTree(out.resolve("test.json")).path("metrics").path("accuracy").asDouble());

        CliRun missing = CliRun.of("test", "--registry", home, "--model", tmp.resolve("t/model").toString(), "--data",
                Fixtures.dataset("iris.csv").toString(), "--baseline", "models/production", "--out",
                tmp.resolve("m").toString());
        assertThat(missing.exit()).isEqualTo(2);
        assertThat(missing.oneLineError()).as(missing.err()).isTrue();
        assertThat(missing.err()).contains("models/production").contains("no model package there");
        CliRun unknown = CliRun.of("test", "--registry", home, "--model", tmp.resolve("t/model").toString(), "--data",
                Fixtures.dataset("iris.csv").toString(), "--baseline", "iris@staging", "--out",
                tmp.resolve("s").toString());
        assertThat(unknown.exit()).isEqualTo(2);
        assertThat(unknown.err()).contains("no alias 'staging'");
        assertThat(tmp.resolve("m")).doesNotExist();
        assertThat(tmp.resolve("s")).doesNotExist();
    }

    private static String checkStatus(JsonNode result, String name) {
        for (JsonNode check : result.path("checks")) {
            if (check.path("name").asText().equals(name)) {
                return check.path("status").asText();
            }
        }
        throw new AssertionError("no check " + name + " in " + result.path("checks"));
    }
}
