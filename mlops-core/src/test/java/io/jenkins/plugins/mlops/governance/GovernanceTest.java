package io.jenkins.plugins.mlops.governance;

import io.jenkins.plugins.mlops.stage.StageRunner;
import io.jenkins.plugins.mlops.contract.ApprovalDecision;
import io.jenkins.plugins.mlops.audit.AuditLog;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.mlops.contract.Check;
import io.jenkins.plugins.mlops.contract.Status;
import io.jenkins.plugins.mlops.contract.StepResult;
import io.jenkins.plugins.mlops.gate.GateSpec;
import io.jenkins.plugins.mlops.gate.GateStep;
import io.jenkins.plugins.mlops.report.HtmlReport;
import io.jenkins.plugins.mlops.report.StepOutputWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GovernanceTest {
    @TempDir
    Path tmp;
    private Path policyFile;
    private AuditLog audit;

    @BeforeEach
    void setUp() throws Exception {
        policyFile = tmp.resolve("policy.yaml");
        Files.writeString(policyFile, """
                stages:
                  staging:
                    require: [validation, test]
                  production:
                    require: [validation, test]
                    approval: {group: ml-leads, fourEyes: true}
                """);
        audit = new AuditLog(tmp.resolve("registry"));
    }

    private Path results(boolean testPasses) {
        Path dir = tmp.resolve(testPasses ? "good" : "bad");
        write(dir, "validation", Check.passed("rows", 100, "> 0", "ok"));
        write(dir, "test", testPasses ? Check.passed("accuracy", 0.95, ">= 0.9", "ok")
                : Check.failed("accuracy", 0.61, ">= 0.9", "too low"));
        return dir;
    }

    private static void write(Path dir, String step, Check check) {
        StepResult r = StepResult.fromChecks(step, step + " summary", List.of(check));
        StepOutputWriter.write(dir, r, HtmlReport.forResult(step, r));
    }

    private StepResult gate(Path results, String stage) {
        return StageRunner.run(new GateSpec(List.of(results), false, policyFile, stage, "carol", "churn@3",
                tmp.resolve("registry")), tmp.resolve("gate-" + stage));
    }

    private StepResult approve(String user, Set<String> groups, ApprovalDecision decision, String reason, Path gate) {
        return StageRunner.run(new ApproveSpec("churn@3", decision, reason, user, groups, gate, "pkg",
                tmp.resolve("registry")),
                tmp.resolve("approval-" + user));
    }

    @Test
    void stagingIsAutomaticProductionNeedsAnotherPersonsApproval() {
        assertThat(gate(results(true), "staging").getStatus()).isEqualTo(Status.PASSED);
        StepResult production = gate(results(true), "production");
        assertThat(production.getStatus()).isEqualTo(Status.NEEDS_APPROVAL);
        assertThat(production.getSummary()).contains("'ml-leads'").contains("other than carol");
        Path gate = tmp.resolve("gate-production/gate.json");

        // four eyes: the person who started the run may not approve it
        StepResult own = approve("carol", Set.of("ml-leads"), ApprovalDecision.APPROVE, null, gate);
        assertThat(own.getStatus()).isEqualTo(Status.FAILED);
        assertThat(own.getSummary()).contains("four eyes");
        StepResult outsider = approve("dave", Set.of("interns"), ApprovalDecision.APPROVE, null, gate);
        assertThat(outsider.getStatus()).isEqualTo(Status.FAILED);
        StepResult lead = approve("erin", Set.of("ml-leads"), ApprovalDecision.APPROVE, null, gate);
        assertThat(lead.getStatus()).isEqualTo(Status.PASSED);

        List<AuditLog.Entry> entries = audit.entries();
        assertThat(entries).extracting(AuditLog.Entry::action)
                .containsExactly("gate", "gate", "approval-refused", "approval-refused", "approve");
        assertThat(entries.get(4).actor()).isEqualTo("erin");
        // the approval records the digest the gate recorded (and its prompt shows), not the gate file's
        assertThat(entries.get(4).evidence()).isEqualTo(production.getSections().get("evidence"))
                .isEqualTo(entries.get(1).evidence()).isNotEqualTo(io.jenkins.plugins.mlops.data.Sha256.of(gate));
        assertThat(audit.verify().ok()).isTrue();
    }

    @Test
    void failedGateCanOnlyBeOverriddenWithAReason() {
        StepResult failed = gate(results(false), "production");
        assertThat(failed.getStatus()).isEqualTo(Status.FAILED);
        assertThat(failed.getSummary()).contains("failed checks: accuracy");
        Path gate = tmp.resolve("gate-production/gate.json");
        assertThatThrownBy(() -> approve("erin", Set.of("ml-leads"), ApprovalDecision.OVERRIDE, null, gate))
                .hasMessageContaining("needs --reason");
        assertThat(approve("erin", Set.of("ml-leads"), ApprovalDecision.APPROVE, null, gate).getStatus())
                .isEqualTo(Status.FAILED);
        StepResult override = approve("erin", Set.of("ml-leads"), ApprovalDecision.OVERRIDE,
                "known label noise in this slice; fix scheduled", gate);
        assertThat(override.getStatus()).isEqualTo(Status.PASSED);
        assertThat(override.getSummary()).startsWith("OVERRIDE:");
        assertThat(override.getSections()).containsEntry("override", true);
        assertThat(audit.entries().get(audit.entries().size() - 1).action()).isEqualTo("override");
    }

    @Test
    void missingRequiredResultFailsTheGate() {
        Path only = tmp.resolve("only");
        write(only, "test", Check.passed("accuracy", 0.95, ">= 0.9", "ok"));
        StepResult r = StageRunner.run(new GateSpec(List.of(only), false, policyFile, "staging", "carol", null, null), tmp.resolve("g"));
        assertThat(r.getStatus()).isEqualTo(Status.FAILED);
        assertThat(r.getSummary()).contains("requires a 'validation' result");
    }

    @Test
    void rejectionNeedsAReason() {
        gate(results(true), "production");
        Path gate = tmp.resolve("gate-production/gate.json");
        assertThatThrownBy(() -> approve("erin", Set.of("ml-leads"), ApprovalDecision.REJECT, " ", gate))
                .hasMessageContaining("needs --reason");
        assertThat(approve("erin", Set.of("ml-leads"), ApprovalDecision.REJECT, "worse on the new region", gate)
                .getStatus()).isEqualTo(Status.FAILED);
    }

    @Test
    void approvalWithoutAPolicyHasFourEyes() {
        StepResult gate = StageRunner.run(new GateSpec(List.of(results(true)), true, null, null, "carol", "churn@3",
                tmp.resolve("registry")), tmp.resolve("gate-plain"));
        assertThat(gate.getStatus()).isEqualTo(Status.NEEDS_APPROVAL);
        assertThat(gate.getSummary()).contains("other than carol");
        Path file = tmp.resolve("gate-plain/gate.json");
        StepResult own = approve("carol", Set.of(), ApprovalDecision.APPROVE, null, file);
        assertThat(own.getStatus()).isEqualTo(Status.FAILED);
        assertThat(own.getSummary()).contains("four eyes");
        assertThat(approve("erin", Set.of(), ApprovalDecision.APPROVE, null, file).getStatus())
                .isEqualTo(Status.PASSED);
    }

    @Test
    void aPolicyRelaxesFourEyesOnlyExplicitly() throws Exception {
        Files.writeString(policyFile, """
                stages:
                  unstated:
                    approval: {group: ml-leads}
                  relaxed:
                    approval: {group: ml-leads, fourEyes: false}
                """);
        Path results = results(true);
        gate(results, "unstated");
        assertThat(approve("carol", Set.of("ml-leads"), ApprovalDecision.APPROVE, null,
                tmp.resolve("gate-unstated/gate.json")).getSummary()).contains("four eyes");
        gate(results, "relaxed");
        assertThat(approve("carol", Set.of("ml-leads"), ApprovalDecision.APPROVE, null,
                tmp.resolve("gate-relaxed/gate.json")).getStatus()).isEqualTo(Status.PASSED);
    }

    @Test
    void aRealmWithoutGroupsNamesItsDecidersOneByOne() throws Exception {
        Files.writeString(policyFile, """
                stages:
                  production:
                    require: [validation, test]
                    approval: {users: [alice, erin], fourEyes: true}
                  leads-or-alice:
                    approval: {group: ml-leads, users: [alice]}
                """);
        Path results = results(true);
        StepResult production = gate(results, "production");
        assertThat(production.getSummary()).contains("needs an approval by alice or erin other than carol");
        Path gate = tmp.resolve("gate-production/gate.json");
        StepResult dave = approve("dave", Set.of(), ApprovalDecision.APPROVE, null, gate);
        assertThat(dave.getStatus()).isEqualTo(Status.FAILED);
        assertThat(dave.getSummary()).contains("dave is not among the deciders, alice or erin");
        assertThat(approve("alice", Set.of(), ApprovalDecision.APPROVE, null, gate).getStatus()).isEqualTo(Status.PASSED);

        StepResult either = gate(results, "leads-or-alice");
        assertThat(either.getSummary()).contains("by a member of 'ml-leads' or alice");
        Path eitherGate = tmp.resolve("gate-leads-or-alice/gate.json");
        assertThat(approve("erin", Set.of("ml-leads"), ApprovalDecision.APPROVE, null, eitherGate).getStatus())
                .isEqualTo(Status.PASSED);
    }

    @Test
    void anApprovalThatNamesNoDeciderIsAnInputError() throws Exception {
        Files.writeString(policyFile, """
                stages:
                  production:
                    approval: {fourEyes: true}
                """);
        assertThatThrownBy(() -> gate(results(true), "production"))
                .hasMessageContaining("policy.yaml")
                .hasMessageContaining("'stages.production.approval' needs a 'group' or 'users': who may approve");
    }
}
