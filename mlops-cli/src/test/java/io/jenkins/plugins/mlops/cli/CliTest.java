package io.jenkins.plugins.mlops.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.mlops.serving.DeployStep;
import io.jenkins.plugins.mlops.testing.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

class CliTest {
    static List<Path> datasets() {
        return Fixtures.datasets();
    }

    @ParameterizedTest
    @MethodSource("datasets")
    void validateWorksOnEveryRealDataset(Path data, @TempDir Path out) {
        CliRun run = CliRun.of("validate", "--data", data.toString(), "--out", out.toString());
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(out.resolve("validation.json")).exists();
        assertThat(out.resolve("validation.html")).exists();
        assertThat(out.resolve("validation-junit.xml")).exists();
        assertThat(out.resolve("schema.json")).exists();
    }

    @Test
    void raggedRowExitsTwoWithOneLineNamingLine7(@TempDir Path out) {
        Path target = out.resolve("r");
        CliRun run = CliRun.of("validate", "--data", Fixtures.bad("ragged-row-line7.csv").toString(), "--out",
                target.toString());
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.oneLineError()).as(run.err()).isTrue();
        assertThat(run.err()).contains("ragged-row-line7.csv:7:");
        assertThat(Files.exists(target)).as("nothing half-written").isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"unterminated-quote.csv", "char-after-quote.csv", "empty.csv", "duplicate-columns.csv", "latin1.csv", "utf16.csv",
        "binary-garbage.csv", "no-such-file.csv"})
    void badCsvFilesExitTwoWithOneLine(String name, @TempDir Path out) {
        CliRun run = CliRun.of("validate", "--data", Fixtures.bad(name).toString(), "--out", out.toString());
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.oneLineError()).as(run.err()).isTrue();
        assertThat(run.err()).contains(name);
    }

    @Test
    void shortRowsPassWithAWarningWhenAllowed(@TempDir Path out) throws Exception {
        CliRun strict = CliRun.of("validate", "--data", Fixtures.bad("short-rows.csv").toString(), "--out", out.toString());
        assertThat(strict.exit()).isEqualTo(2);
        CliRun lenient = CliRun.of("validate", "--allow-short-rows", "--data", Fixtures.bad("short-rows.csv").toString(),
                "--out", out.toString());
        assertThat(lenient.exit()).as(lenient.err()).isZero();
        assertThat(Files.readString(out.resolve("validation.json"))).contains("\"short_rows\"");
    }

    @ParameterizedTest
    @MethodSource("datasets")
    void inferredSchemaThenValidatePasses(Path data, @TempDir Path out) {
        Path schema = out.resolve("schema.json");
        CliRun infer = CliRun.of("schema", "infer", "--data", data.toString(), "--out", schema.toString());
        assertThat(infer.exit()).as(infer.err()).isZero();
        CliRun validate = CliRun.of("validate", "--data", data.toString(), "--schema", schema.toString(), "--out",
                out.toString());
        assertThat(validate.exit()).as(validate.out() + validate.err()).isZero();
    }

    @Test
    void customMissingMarkersAndDriftOptions(@TempDir Path out) throws Exception {
        // penguins_raw writes R's NA; without NA as a marker the numeric columns would be text
        CliRun run = CliRun.of("validate", "--data", Fixtures.dataset("penguins_raw.csv").toString(), "--missing-values",
                ",NA", "--reference", Fixtures.dataset("penguins_raw.csv").toString(), "--drift-correction", "BONFERRONI",
                "--out", out.toString());
        assertThat(run.exit()).as(run.err()).isZero();
        String json = Files.readString(out.resolve("validation.json"));
        assertThat(json).contains("\"type\" : \"number\"").contains("p_bonferroni <= 0.05");
        CliRun bad = CliRun.of("validate", "--data", Fixtures.dataset("iris.csv").toString(), "--drift-alpha", "2",
                "--out", out.toString());
        assertThat(bad.exit()).isEqualTo(2);
        assertThat(bad.err()).contains("alpha");
    }

    @Test
    void aPolicyWhoseApprovalNamesNoDeciderExitsTwoSayingSo(@TempDir Path out) throws Exception {
        Path validation = out.resolve("validation");
        assertThat(CliRun.of("validate", "--data", Fixtures.dataset("iris.csv").toString(), "--out",
                validation.toString()).exit()).isZero();
        Path policy = Fixtures.bad("approval-without-deciders.yaml");
        CliRun run = CliRun.of("gate", "--results", validation.toString(), "--policy", policy.toString(), "--stage",
                "production", "--out", out.resolve("gate").toString());
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err().strip()).isEqualTo("mlops gate: error: " + policy
                + ": 'stages.production.approval' needs a 'group' or 'users': who may approve");
        assertThat(out.resolve("gate")).doesNotExist();
    }

    @Test
    void anomaliesExitOne(@TempDir Path out) {
        CliRun run = CliRun.of("validate", "--data", Fixtures.bad("out-of-range.csv").toString(), "--schema",
                Fixtures.spec("penguins.schema.json").toString(), "--out", out.toString());
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.out()).contains("validation: FAILED");
    }

    @ParameterizedTest
    @ValueSource(strings = {"bad-spec-key.yaml", "unknown-label.yaml", "seed-zero.yaml"})
    void badSpecsExitTwoNamingTheProblem(String spec, @TempDir Path out) {
        CliRun run = CliRun.of("train", "--spec", Fixtures.bad(spec).toString(), "--data",
                Fixtures.dataset("penguins.csv").toString(), "--out", out.toString());
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.oneLineError()).as(run.err()).isTrue();
        assertThat(run.err()).containsAnyOf("activaton", "'kind'", "'seed'");
        assertThat(out).isEmptyDirectory();
    }

    @Test
    void usageErrorsExitTwoAndHelpExitsZero() {
        CliRun missing = CliRun.of("train", "--data", "x.csv");
        assertThat(missing.exit()).isEqualTo(2);
        assertThat(missing.oneLineError()).as(missing.err()).isTrue();
        assertThat(missing.err()).contains("--spec");
        assertThat(CliRun.of("frobnicate").exit()).isEqualTo(2);
        for (String command : List.of("validate", "schema", "train", "predict", "test", "gate", "registry", "serve", "deploy",
                "monitor", "tune", "package", "canary", "approve", "audit", "shadow")) {
            CliRun help = CliRun.of(command, "--help");
            assertThat(help.exit()).as(command).isZero();
            assertThat(help.out()).contains("Usage: mlops " + command);
        }
        assertThat(CliRun.of("--help").out()).contains("validate").contains("monitor");
        CliRun bareGroup = CliRun.of("registry");
        assertThat(bareGroup.exit()).isEqualTo(2);
        assertThat(bareGroup.oneLineError()).as(bareGroup.err()).isTrue();
        assertThat(bareGroup.err()).contains("missing subcommand").contains("rollback").contains("card");
    }

    @Test
    void deployNeedsATokenAndAReachableServer(@TempDir Path out) {
        CliRun bad = CliRun.of("deploy", "--server", "not a url", "--model", "m@1", "--out", out.toString());
        assertThat(bad.exit()).isEqualTo(2);
        if (System.getenv("MLOPS_SERVER") == null) {
            // the server may come from MLOPS_SERVER (the plugin's global configuration); without either, one line
            CliRun noServer = CliRun.of("deploy", "--model", "m@1", "--out", out.toString());
            assertThat(noServer.exit()).isEqualTo(2);
            assertThat(noServer.oneLineError()).as(noServer.err()).isTrue();
            assertThat(noServer.err()).contains("no model server: pass --server URL or set MLOPS_SERVER");
        }
        CliRun tokenFile = CliRun.of("deploy", "--server", "http://127.0.0.1:9", "--model", "m@1", "--token-file",
                out.resolve("missing-token").toString(), "--out", out.toString());
        assertThat(tokenFile.exit()).isEqualTo(2);
        assertThat(tokenFile.err()).contains("cannot read token file");
        CliRun strategy = CliRun.of("deploy", "--server", "http://127.0.0.1:9", "--model", "m@1", "--strategy", "purple",
                "--out", out.toString());
        assertThat(strategy.exit()).isEqualTo(2);
        assertThat(strategy.oneLineError()).as(strategy.err()).isTrue();
        assertThat(strategy.err()).contains("--strategy must be one of [direct, blue-green, canary, shadow]");
        assertThat(out).isEmptyDirectory();
    }

    @Test
    void registryCommandsOnTheDemoLayout(@TempDir Path tmp) throws Exception {
        Path spec = tmp.resolve("iris.yaml");
        Files.writeString(spec, "task: classification\nlabel: target\nseed: 5\ntraining: {epochs: 5}\n");
        assertThat(CliRun.of("train", "--spec", spec.toString(), "--data", Fixtures.dataset("iris.csv").toString(),
                "--out", tmp.resolve("t").toString()).exit()).isIn(0, 1);
        String home = tmp.resolve("home").toString();
        CliRun register = CliRun.of("registry", "register", "--registry", home, "--model", tmp.resolve("t/model").toString(),
                "--name", "iris");
        assertThat(register.exit()).as(register.err()).isZero();
        assertThat(register.out()).contains("Registered iris@1");
        assertThat(CliRun.of("registry", "promote", "--registry", home, "iris@1", "--alias", "production").out())
                .contains("production -> iris@1");
        CliRun list = CliRun.of("registry", "list", "--registry", home, "--name", "iris");
        assertThat(list.out().lines()).hasSize(1).allMatch(l -> l.startsWith("iris@1") && l.endsWith("production"));
        assertThat(CliRun.of("registry", "show", "--registry", home, "iris@production").out()).contains("\"version\" : 1");
        Path zip = tmp.resolve("iris.zip");
        assertThat(CliRun.of("package", "--model", tmp.resolve("t/model").toString(), "--out", zip.toString()).exit())
                .isZero();
        CliRun fromZip = CliRun.of("test", "--model", zip.toString(), "--data", tmp.resolve("t/holdout.csv").toString(),
                "--out", tmp.resolve("z").toString());
        assertThat(fromZip.exit()).as(fromZip.err()).isIn(0, 1);
        assertThat(CliRun.of("registry", "register", "--registry", home, "--model", zip.toString(), "--name", "iris").out())
                .contains("Registered iris@2");
        Path predictions = tmp.resolve("predictions.csv");
        CliRun predict = CliRun.of("predict", "--model", tmp.resolve("t/model").toString(), "--data",
                Fixtures.dataset("iris.csv").toString(), "--predictions", predictions.toString(), "--out",
                tmp.resolve("p").toString());
        assertThat(predict.exit()).as(predict.err()).isZero();
        List<String> lines = Files.readAllLines(predictions);
        assertThat(lines).hasSize(151);
        assertThat(lines.get(0)).endsWith(",prediction,probability,p(setosa),p(versicolor),p(virginica)");
        CliRun wrongData = CliRun.of("predict", "--model", tmp.resolve("t/model").toString(), "--data",
                Fixtures.dataset("wine.csv").toString(), "--predictions", tmp.resolve("p2.csv").toString());
        assertThat(wrongData.exit()).isEqualTo(2);
        assertThat(wrongData.err()).contains("the model needs columns");
        assertThat(tmp.resolve("p2.csv")).doesNotExist();
        CliRun unknown = CliRun.of("registry", "show", "--registry", home, "other");
        assertThat(unknown.exit()).isEqualTo(2);
        assertThat(unknown.oneLineError()).isTrue();
    }

    /** The deployment strategies are listed in one place; the CLI's help names each of them. */
    @Test
    void deployHelpNamesEveryStrategy() {
        String description = String.join(" ", Mlops.commandLine().getSubcommands().get("deploy")
                .getCommandSpec().findOption("--strategy").description());
        assertThat(DeployStep.STRATEGIES).containsExactly("direct", "blue-green", "canary", "shadow")
                .allSatisfy(strategy -> assertThat(description).contains(strategy));
    }

    /** A run builds only the subcommand it names; help, options and unknown words see every subcommand. */
    @Test
    void aRunBuildsOnlyTheSubcommandItNames() {
        assertThat(Mlops.commandLine("validate").getSubcommands()).containsOnlyKeys("validate");
        assertThat(Mlops.commandLine().getSubcommands()).containsKeys("validate", "train", "registry", "help")
                .hasSizeGreaterThan(16);
        assertThat(Mlops.commandLine("--help").getSubcommands()).hasSameSizeAs(Mlops.commandLine().getSubcommands());
        CliRun help = CliRun.of("help", "validate");
        assertThat(help.exit()).isZero();
        assertThat(help.out()).contains("Usage: mlops validate");
        CliRun typo = CliRun.of("validat", "--data", "x.csv");
        assertThat(typo.exit()).isEqualTo(2);
        assertThat(typo.err()).contains("Unmatched arguments").contains("'validat'");
    }

    /** The engine the Jenkins plugin ships is the CLI alone: the demo and the benchmarks live in mlops-tools. */
    @Test
    void theEngineAloneHasNoDemoOrBenchmarks() {
        assertThat(CliRun.of("demo").exit()).isEqualTo(2);
        assertThat(CliRun.of("bench", "validate").exit()).isEqualTo(2);
    }
}
