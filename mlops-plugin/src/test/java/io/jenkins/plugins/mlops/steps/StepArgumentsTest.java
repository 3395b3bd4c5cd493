package io.jenkins.plugins.mlops.steps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.mlops.adapter.FailOn;
import io.jenkins.plugins.mlops.adapter.Outcomes;
import io.jenkins.plugins.mlops.adapter.StepOutcome;
import io.jenkins.plugins.mlops.cli.Mlops;
import io.jenkins.plugins.mlops.testing.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Step parameters into the engine's command line, checked against the CLI's own option model. */
class StepArgumentsTest {
    /** Parses the arguments with the real CLI's picocli model: an option it does not know fails here, not in a build. */
    private static void assertTheCliAccepts(List<String> arguments) {
        CommandLine cli = Mlops.commandLine();
        StringWriter err = new StringWriter();
        cli.setErr(new PrintWriter(err));
        CommandLine.ParseResult parsed = cli.parseArgs(arguments.toArray(String[]::new));
        assertThat(parsed.subcommand()).as(err.toString()).isNotNull();
    }

    @Test
    void validateDataPassesOnlyWhatIsSet() {
        ValidateDataStep step = new ValidateDataStep("data/batch.csv");
        assertThat(step.arguments()).containsExactly("validate", "--data", "data/batch.csv");
        step.setSchema("schema.json");
        step.setReference("data/train.csv");
        step.setLabel("species");
        step.setMissingValues(",NA,-999");
        step.setAllowShortRows(true);
        assertThat(step.arguments()).containsExactly("validate", "--data", "data/batch.csv", "--schema", "schema.json",
                "--reference", "data/train.csv", "--label", "species", "--missing-values", ",NA,-999",
                "--allow-short-rows");
        assertTheCliAccepts(step.arguments());
        assertThat(step.getOut()).isEqualTo("mlops/validation");
    }

    @Test
    void trainModelMapsSpecAndData() {
        TrainModelStep step = new TrainModelStep("train.yaml", "data/train.csv");
        step.setOut("reports/train");
        assertThat(step.arguments()).containsExactly("train", "--spec", "train.yaml", "--data", "data/train.csv");
        assertTheCliAccepts(step.arguments());
        assertThat(step.getOut()).isEqualTo("reports/train");
    }

    /**
     * The step's arguments run through the real engine in this JVM: the result lands where the
     * execution will look for it ({@code <out>/<resultName>.json}) and reads as an outcome.
     */
    private static StepOutcome runEngine(EngineStep step, Path out) throws Exception {
        List<String> arguments = new java.util.ArrayList<>(step.arguments());
        arguments.add("--out");
        arguments.add(out.toString());
        int exitCode = Mlops.commandLine().execute(arguments.toArray(String[]::new));
        Path result = out.resolve(step.resultName() + ".json");
        assertThat(result).exists();
        return Outcomes.of(step.resultName(), exitCode, Files.readString(result), out.toString(), FailOn.UNSTABLE);
    }

    @Test
    void validateDataOnRealDataGivesAnOutcome(@TempDir Path tmp) throws Exception {
        ValidateDataStep step = new ValidateDataStep(Fixtures.dataset("penguins.csv").toString());
        step.setLabel("species");
        StepOutcome outcome = runEngine(step, tmp);
        assertThat(outcome.getStatus()).isEqualTo("PASSED");
        assertThat(outcome.getBuildResult()).isEqualTo("SUCCESS");
        assertThat(tmp.resolve("validation.html")).exists();
    }

    @Test
    void trainModelOnRealDataGivesAnOutcomeWithItsMetrics(@TempDir Path tmp) throws Exception {
        Path spec = tmp.resolve("iris.yaml");
        Files.writeString(spec, "task: classification\nlabel: target\nseed: 3\ntraining: {epochs: 30}\n");
        StepOutcome outcome = runEngine(new TrainModelStep(spec.toString(), Fixtures.dataset("iris.csv").toString()),
                tmp.resolve("out"));
        assertThat(outcome.getExitCode()).isZero();
        assertThat(outcome.getMetrics()).isNotEmpty();
        assertThat(tmp.resolve("out/model/manifest.json")).exists();
    }

    /** Every step with every parameter set: the CLI must accept the whole command line. */
    @Test
    void everyStepsFullCommandLineIsAcceptedByTheCli() {
        TestModelStep test = new TestModelStep("m", "d.csv");
        test.setSuite("suite.yaml");
        test.setBaseline("prod");
        assertTheCliAccepts(test.arguments());
        ModelGateStep gate = new ModelGateStep(List.of("mlops/validation", "mlops/test"));
        gate.setPolicy("policy.yaml");
        gate.setStage("production");
        gate.setModel("churn@3");
        gate.setRegistry("reg");
        gate.setRequireApproval(true);
        assertThat(gate.arguments()).containsSubsequence("--results", "mlops/validation", "--results", "mlops/test");
        assertTheCliAccepts(gate.arguments());
        RegisterModelStep register = new RegisterModelStep("mlops/train/model", "churn");
        register.setAlias("staging");
        register.setParent("churn@2");
        register.setRegistry("reg");
        assertThat(register.arguments()).startsWith("registry", "register");
        assertTheCliAccepts(register.arguments());
        DeployModelStep deploy = new DeployModelStep("churn@staging");
        deploy.setServer("http://127.0.0.1:8080");
        deploy.setStrategy("canary");
        deploy.setWeight("0.2");
        assertTheCliAccepts(deploy.arguments());
        // without a server the engine takes MLOPS_SERVER, which the global configuration sets
        assertTheCliAccepts(new RollbackModelStep("churn").arguments());
        MonitorModelStep monitor = new MonitorModelStep("logs");
        monitor.setModel("m");
        monitor.setReference("r.csv");
        monitor.setWindow("500");
        assertTheCliAccepts(monitor.arguments());
        TuneModelStep tune = new TuneModelStep("wine-tune.yaml", "wine.csv");
        tune.setParallelism("2");
        tune.setShard("1/2");
        assertThat(tune.arguments()).containsExactly("tune", "--spec", "wine-tune.yaml", "--data", "wine.csv",
                "--parallelism", "2", "--shard", "1/2");
        assertTheCliAccepts(tune.arguments());
        AnalyzeCanaryStep canary = new AnalyzeCanaryStep("churn", "3", "4", "logs");
        // without a server the engine takes MLOPS_SERVER, which the global configuration sets
        assertTheCliAccepts(canary.arguments());
        canary.setServer("http://127.0.0.1:8080");
        canary.setMinRows("100");
        canary.setMaxLatencyRatio("1.5");
        canary.setRegistry("reg");
        assertTheCliAccepts(canary.arguments());
        ShadowReportStep shadow = new ShadowReportStep("logs", "churn", "4");
        shadow.setMinAgreement("0.9");
        shadow.setRegistry("reg");
        assertThat(shadow.arguments()).containsExactly("shadow", "--log", "logs", "--model", "churn", "--shadow", "4",
                "--min-agreement", "0.9", "--registry", "reg");
        assertTheCliAccepts(shadow.arguments());
        VerifyAuditStep audit = new VerifyAuditStep();
        assertThat(audit.arguments()).containsExactly("audit", "verify");
        audit.setRegistry("reg");
        assertThat(audit.arguments()).containsExactly("audit", "verify", "--registry", "reg");
        assertTheCliAccepts(audit.arguments());
    }

    @Test
    void failOnIsCheckedWhenTheStepIsCreated() {
        TrainModelStep step = new TrainModelStep("s.yaml", "d.csv");
        step.setFailOn("unstable");
        assertThat(step.getFailOn()).isEqualTo("UNSTABLE");
        assertThatThrownBy(() -> step.setFailOn("red")).hasMessageContaining("failOn must be one of");
    }
}
