package io.jenkins.plugins.mlops.steps;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.mlops.contract.ApprovalDecision;
import io.jenkins.plugins.mlops.adapter.ApprovalEvidence;
import io.jenkins.plugins.mlops.adapter.StepOutcome;
import io.jenkins.plugins.mlops.audit.AuditLog;
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
 * {@code approveModel} without Jenkins, on real data through the real engine: the steps before it
 * (validate with a reference, train, register, test, a gate whose production policy wants a
 * member of ml-leads other than the one who started the run), then what the prompt shows and
 * what two answers do — the starter is refused (and the prompt would stay open), a colleague's
 * approval passes; both are in the audit log.
 */
class ApprovalFlowTest {
    @TempDir
    static Path ws;
    private static Path registry;
    private static Path gateJson;

    private static StepOutcome run(EngineStep step, List<String> arguments) {
        return EngineRuns.run(ws, step, arguments);
    }

    @BeforeAll
    static void pipelineUpToTheGate() throws Exception {
        registry = ws.resolve("registry");
        String iris = Fixtures.dataset("iris.csv").toString();
        ValidateDataStep validate = new ValidateDataStep(iris);
        validate.setReference(iris);
        validate.setLabel("target");
        assertThat(run(validate, validate.arguments()).getMetrics()).containsEntry("driftedShare", 0.0);

        Path spec = ws.resolve("iris.yaml");
        Files.writeString(spec, "task: classification\nlabel: target\nseed: 3\ntraining: {epochs: 40}\n");
        TrainModelStep train = new TrainModelStep(spec.toString(), iris);
        assertThat(run(train, train.arguments()).getExitCode()).isZero();
        String model = ws.resolve("mlops/train/model").toString();

        RegisterModelStep register = new RegisterModelStep(model, "iris");
        register.setRegistry(registry.toString());
        assertThat(run(register, register.arguments()).getDetails()).containsEntry("version", "1");

        TestModelStep test = new TestModelStep(model, iris);
        assertThat(run(test, test.arguments()).getMetrics()).containsKey("accuracy");

        Path policy = ws.resolve("policy.yaml");
        Files.writeString(policy, """
                stages:
                  production:
                    require: [validation, test]
                    approval: {group: ml-leads, fourEyes: true}
                """);
        ModelGateStep gate = new ModelGateStep(List.of(ws.resolve("mlops/validation").toString(),
                ws.resolve("mlops/test").toString()));
        gate.setPolicy(policy.toString());
        gate.setStage("production");
        gate.setModel("iris@1");
        gate.setRegistry(registry.toString());
        // what ModelGateStep.arguments(run) adds for a build "Started by user carol"
        List<String> arguments = new ArrayList<>(gate.arguments());
        arguments.addAll(List.of("--started-by", "carol"));
        StepOutcome gated = run(gate, arguments);
        assertThat(gated.getStatus()).isEqualTo("NEEDS_APPROVAL");
        gateJson = ws.resolve("mlops/gate/gate.json");
    }

    private static ApprovalEvidence evidence() throws Exception {
        String json = Files.readString(gateJson);
        Map<String, String> judged = new LinkedHashMap<>();
        ApprovalEvidence.judgedFiles(json).forEach((step, file) -> {
            try {
                judged.put(step, Files.readString(Path.of(file)));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        return ApprovalEvidence.of(json, judged);
    }

    @Test
    void thePromptShowsTheGatesRuleVerdictsNumbersAndDrift() throws Exception {
        ApprovalEvidence e = evidence();
        assertThat(e.getGateStatus()).isEqualTo("NEEDS_APPROVAL");
        assertThat(e.getModel()).isEqualTo("iris@1");
        assertThat(e.getStage()).isEqualTo("production");
        assertThat(e.getDeciders()).isEqualTo("a member of 'ml-leads'");
        assertThat(e.isFourEyes()).isTrue();
        assertThat(e.getStartedBy()).isEqualTo("carol");
        assertThat(e.getDigest()).hasSize(64);
        assertThat(e.getDrift()).isEqualTo("0 of 5 columns drifted"); // the four features and the label
        assertThat(e.getLines()).extracting(ApprovalEvidence.Line::getSource).contains("gate", "test", "validation");
        assertThat(e.getLines()).filteredOn(l -> l.getName().equals("accuracy")).singleElement()
                .satisfies(l -> assertThat(Double.parseDouble(l.getValue())).isGreaterThan(0.9));
        assertThat(e.isOverridable()).isTrue();
    }

    @Test
    void theStarterIsRefusedByFourEyesAColleagueApprovesAndBothAreAudited() throws Exception {
        ApproveModelStep approve = new ApproveModelStep("iris@1");
        approve.setRegistry(registry.toString());

        StepOutcome refused = run(approve, approve.decisionArguments(ApprovalDecision.APPROVE, null, "carol", List.of("ml-leads"),
                gateJson.toString()));
        assertThat(refused.getDetails()).containsEntry("refused", "true");
        assertThat(refused.getSummary()).contains("four eyes");

        StepOutcome approved = run(approve, approve.decisionArguments(ApprovalDecision.APPROVE, null, "dave", List.of("ml-leads"),
                gateJson.toString()));
        // the digest the prompt shows is the one the approval recorded
        assertThat(approved.getDetails()).containsEntry("evidence", evidence().getDigest());
        assertThat(approved.isPassed()).isTrue();
        assertThat(approved.getDetails()).containsEntry("approver", "dave").containsEntry("refused", "false");

        List<AuditLog.Entry> audit = new AuditLog(registry).entries();
        assertThat(audit).extracting(AuditLog.Entry::actor, AuditLog.Entry::action).contains(
                org.assertj.core.groups.Tuple.tuple("carol", "approval-refused"),
                org.assertj.core.groups.Tuple.tuple("dave", "approve"));
    }

    @Test
    void aRejectionNeedsAReasonAndFailsTheStep() throws Exception {
        ApproveModelStep approve = new ApproveModelStep("iris@1");
        approve.setRegistry(registry.toString());
        approve.setOut("mlops/rejection");
        assertThat(approve.decisionArguments(ApprovalDecision.REJECT, "  ", "erin", List.of(), gateJson.toString()))
                .doesNotContain("--reason");
        StepOutcome rejected = run(approve, approve.decisionArguments(ApprovalDecision.REJECT, "accuracy on the new segment is"
                + " unproven", "erin", List.of("ml-leads"), gateJson.toString()));
        assertThat(rejected.getStatus()).isEqualTo("FAILED");
        assertThat(rejected.getDetails()).containsEntry("decision", "REJECT").containsEntry("refused", "false");
        assertThat(rejected.getBuildResult()).isEqualTo("FAILURE");
    }
}
