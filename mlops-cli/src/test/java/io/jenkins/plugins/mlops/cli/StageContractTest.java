package io.jenkins.plugins.mlops.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.mlops.audit.AuditSpec;
import io.jenkins.plugins.mlops.contract.ApprovalDecision;
import io.jenkins.plugins.mlops.contract.Json;
import io.jenkins.plugins.mlops.contract.Stage;
import io.jenkins.plugins.mlops.data.MissingValues;
import io.jenkins.plugins.mlops.drift.DriftConfig;
import io.jenkins.plugins.mlops.evaluation.TestSpec;
import io.jenkins.plugins.mlops.gate.GateSpec;
import io.jenkins.plugins.mlops.governance.ApproveSpec;
import io.jenkins.plugins.mlops.governance.CardSpec;
import io.jenkins.plugins.mlops.governance.ApproveStep;
import io.jenkins.plugins.mlops.monitor.MonitorSpec;
import io.jenkins.plugins.mlops.registry.PackageSource;
import io.jenkins.plugins.mlops.registry.PromoteSpec;
import io.jenkins.plugins.mlops.registry.RegisterSpec;
import io.jenkins.plugins.mlops.serving.CanarySpec;
import io.jenkins.plugins.mlops.serving.CanaryStep;
import io.jenkins.plugins.mlops.serving.DeploySpec;
import io.jenkins.plugins.mlops.serving.ShadowSpec;
import io.jenkins.plugins.mlops.scoring.PredictSpec;
import io.jenkins.plugins.mlops.stage.StageCatalogue;
import io.jenkins.plugins.mlops.stage.StageExecutor;
import io.jenkins.plugins.mlops.train.TrainInputs;
import io.jenkins.plugins.mlops.tune.TuneSpec;
import io.jenkins.plugins.mlops.validation.ValidateSpec;
import java.lang.reflect.Method;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import picocli.CommandLine;

/**
 * The catalogue as the engine holds it: each stage has one executor, whose spec is a record that JSON
 * writes and reads back unchanged, and the stage's CLI command binds its options to exactly that spec.
 */
class StageContractTest {
    /** A spec of each stage as a user could give it. */
    private static final Map<Stage, Record> SAMPLES = Map.ofEntries(
            Map.entry(Stage.VALIDATE, new ValidateSpec(Path.of("batch.csv"), Path.of("schema.json"), Path.of("ref.json"),
                    true, MissingValues.parse(",NA"), DriftConfig.DEFAULT, 2, 5000, "species", Path.of("profile.json"))),
            Map.entry(Stage.TRAIN, new TrainInputs(Path.of("spec.yaml"), Path.of("train.csv"))),
            Map.entry(Stage.TUNE, TuneSpec.search(Path.of("spec.yaml"), Path.of("train.csv"), 2, 1, 4)),
            Map.entry(Stage.TEST, new TestSpec(Path.of("model"), Path.of("holdout.csv"), Path.of("suite.yaml"),
                    new PackageSource(Path.of("production-model"), null, null))),
            Map.entry(Stage.GATE, new GateSpec(List.of(Path.of("out")), false, Path.of("policy.yaml"), "production",
                    "carol", "churn@3", Path.of(".mlops"))),
            Map.entry(Stage.APPROVE, new ApproveSpec("churn@3", ApprovalDecision.OVERRIDE, "known issue", "erin",
                    Set.of("ml-leads"), Path.of("gate.json"), "ab12", Path.of(".mlops"))),
            Map.entry(Stage.REGISTER, new RegisterSpec(Path.of(".mlops"), Path.of("model"), "churn", "carol", "staging",
                    "churn@production")),
            Map.entry(Stage.DEPLOY, DeploySpec.deploy(URI.create("http://127.0.0.1:8080"), "churn@staging", "canary", 0.2,
                    Path.of("token"))),
            Map.entry(Stage.CANARY, new CanarySpec(URI.create("http://127.0.0.1:8080"), "churn", "3", "4",
                    Path.of("logs"), CanaryStep.Policy.DEFAULT, null, Path.of(".mlops"))),
            Map.entry(Stage.SHADOW, new ShadowSpec(Path.of("logs"), "churn", "4", 0.9, Path.of(".mlops"))),
            Map.entry(Stage.MONITOR, new MonitorSpec(Path.of("logs"), Path.of("model"), null, 500, DriftConfig.DEFAULT)),
            Map.entry(Stage.AUDIT, new AuditSpec(Path.of(".mlops"))),
            Map.entry(Stage.PREDICT, new PredictSpec(Path.of("batch.csv"),
                    new PackageSource(null, "churn@production", Path.of(".mlops")),
                    Path.of("scored.csv"), DriftConfig.DEFAULT)),
            Map.entry(Stage.PROMOTE, new PromoteSpec(Path.of(".mlops"), "churn@4", "production", "carol")),
            Map.entry(Stage.CARD, new CardSpec(Path.of(".mlops"), "churn@4", Path.of("test.json"))));

    @ParameterizedTest
    @EnumSource(Stage.class)
    void eachStageHasOneExecutorForItsStage(Stage stage) {
        StageExecutor<?> executor = StageCatalogue.executors().get(stage);
        assertThat(executor).as("executor of " + stage).isNotNull();
        assertThat(executor.stage()).isEqualTo(stage);
        assertThat(executor.specType().isRecord()).isTrue();
    }

    @ParameterizedTest
    @EnumSource(Stage.class)
    void theSpecIsWrittenAndReadBackAsJson(Stage stage) throws Exception {
        Record spec = SAMPLES.get(stage);
        Class<? extends Record> type = StageCatalogue.executor(stage).specType();
        assertThat(spec).as("sample spec of " + stage).isInstanceOf(type);
        String json = Json.JSON.writeValueAsString(spec);
        assertThat(Json.JSON.readValue(json, type)).as(json).isEqualTo(spec);
    }

    @ParameterizedTest
    @EnumSource(Stage.class)
    void theStagesCommandBindsItsOptionsToTheSpec(Stage stage) throws Exception {
        CommandLine command = Mlops.commandLine();
        for (String word : stage.command()) {
            command = command.getSubcommands().get(word);
        }
        Method spec = command.getCommand().getClass().getDeclaredMethod("spec");
        assertThat(spec.getReturnType()).as("mlops " + String.join(" ", stage.command()) + " binds")
                .isEqualTo(StageCatalogue.executor(stage).specType());
    }
}
