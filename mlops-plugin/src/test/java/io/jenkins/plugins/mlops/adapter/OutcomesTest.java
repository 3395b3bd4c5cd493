package io.jenkins.plugins.mlops.adapter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.mlops.contract.Check;
import io.jenkins.plugins.mlops.contract.CheckStatus;
import io.jenkins.plugins.mlops.contract.Json;
import io.jenkins.plugins.mlops.contract.StepResult;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The engine's exit code and result JSON, as the engine writes them, into the step's outcome and build result. */
class OutcomesTest {
    private static String json(StepResult result) throws Exception {
        return Json.JSON.writeValueAsString(result);
    }

    @Test
    void aPassedStepLeavesTheBuildAloneAndReturnsItsNumbers() throws Exception {
        StepResult passed = StepResult.fromChecks("test", "accuracy 0.97 on 30 rows", List.of(
                Check.passed("accuracy", 0.97, ">= 0.9", "above the floor"),
                Check.passed("slices", "all", "no slice worse", "fine")));
        StepOutcome outcome = Outcomes.of("test", 0, json(passed), "mlops/test", FailOn.FAILURE);
        assertThat(outcome.getStatus()).isEqualTo("PASSED");
        assertThat(outcome.isPassed()).isTrue();
        assertThat(outcome.getBuildResult()).isEqualTo("SUCCESS");
        assertThat(outcome.getSummary()).isEqualTo("accuracy 0.97 on 30 rows");
        // only numeric measurements trend
        assertThat(outcome.getMetrics()).containsExactly(java.util.Map.entry("accuracy", 0.97));
    }

    @Test
    void aFailedCheckMakesTheBuildWhatFailOnSays() throws Exception {
        StepResult failed = StepResult.fromChecks("validate", "2 anomalies", List.of(
                new Check("schema", CheckStatus.FAILED, 2, "0 errors", "2 anomalies at error level")));
        assertThat(Outcomes.of("validate", 1, json(failed), "out", FailOn.FAILURE).getBuildResult()).isEqualTo("FAILURE");
        StepOutcome unstable = Outcomes.of("validate", 1, json(failed), "out", FailOn.UNSTABLE);
        assertThat(unstable.getBuildResult()).isEqualTo("UNSTABLE");
        assertThat(unstable.getStatus()).isEqualTo("FAILED");
        assertThat(unstable.getExitCode()).isEqualTo(1);
    }

    @Test
    void aGateThatWaitsForAPersonLeavesTheBuildAloneAndKeepsItsPlainFields() throws Exception {
        StepResult waiting = new StepResult("gate", io.jenkins.plugins.mlops.contract.Status.NEEDS_APPROVAL,
                "a member of ml-leads must approve", List.of(Check.passed("step:test", "PASSED", "PASSED", "ok")))
                .with("stage", "production").with("requireApproval", true).with("startedBy", null).with("rows", 344)
                .with("driftedShare", 0.25);
        StepOutcome outcome = Outcomes.of("gate", 1, json(waiting), "mlops/gate", FailOn.FAILURE);
        assertThat(outcome.getStatus()).isEqualTo("NEEDS_APPROVAL");
        assertThat(outcome.getBuildResult()).isEqualTo("SUCCESS");
        assertThat(outcome.getDetails()).containsExactly(java.util.Map.entry("stage", "production"),
                java.util.Map.entry("requireApproval", "true"), java.util.Map.entry("rows", "344"),
                java.util.Map.entry("driftedShare", "0.25"));
        // a fraction trends, a count does not (checks carry the counts that matter)
        assertThat(outcome.getMetrics()).containsExactly(java.util.Map.entry("driftedShare", 0.25));
    }

    @Test
    void theScriptGetsPlainMapsThatTheGroovySandboxLetsItRead() throws Exception {
        StepResult registered = StepResult.fromChecks("register", "Registered churn@7", List.of(
                Check.passed("manifest", 0.0, "verified", "ok"))).with("name", "churn").with("version", 7);
        java.util.Map<String, Object> r = Outcomes.of("register", 0, json(registered), "mlops/register",
                FailOn.FAILURE).toScriptResult();
        assertThat(r).containsEntry("status", "PASSED").containsEntry("passed", true).containsEntry("exitCode", 0)
                .containsEntry("reportDir", "mlops/register").containsEntry("summary", "Registered churn@7");
        assertThat(r.get("details")).isEqualTo(java.util.Map.of("name", "churn", "version", "7"));
        // only JDK types, all serialisable: the Pipeline keeps its variables across a restart
        for (Object v : r.values()) {
            assertThat(v.getClass().getName()).startsWith("java.");
            assertThat(v).isInstanceOf(java.io.Serializable.class);
        }
    }

    @Test
    void anInputErrorFailsTheBuildWhateverFailOnSays() {
        StepOutcome error = Outcomes.of("validate", 2, null, "out", FailOn.UNSTABLE);
        assertThat(error.getStatus()).isEqualTo("ERROR");
        assertThat(error.getBuildResult()).isEqualTo("FAILURE");
        assertThat(error.getSummary()).contains("input error");
    }

    @Test
    void anInputErrorIgnoresAResultFileLeftByAnEarlierRun() throws Exception {
        String stale = json(StepResult.fromChecks("validate", "all fine last week", List.of(
                Check.passed("rows", 10, "> 0", "ok"))));
        StepOutcome error = Outcomes.of("validation", 2, stale, "out", FailOn.FAILURE);
        assertThat(error.getStatus()).isEqualTo("ERROR");
        assertThat(error.getSummary()).doesNotContain("last week");
        assertThat(error.getMetrics()).isEmpty();
    }

    @Test
    void aCrashAnOutOfMemoryOrAMissingResultIsAnErrorOfTheStepNotAFailedCheck() {
        assertThatThrownBy(() -> Outcomes.of("train", 137, null, "out", FailOn.FAILURE))
                .isInstanceOf(EngineFailure.class).hasMessageContaining("exit code 137").hasMessageContaining("killed");
        assertThatThrownBy(() -> Outcomes.of("train", 3, null, "out", FailOn.UNSTABLE))
                .isInstanceOf(EngineFailure.class).hasMessageContaining("out of memory");
        // exit 1 is a failed check only with its verdict: without train.json it is the engine's error
        assertThatThrownBy(() -> Outcomes.of("train", 1, null, "mlops/train", FailOn.UNSTABLE))
                .isInstanceOf(EngineFailure.class).hasMessageContaining("wrote no train.json in mlops/train");
        assertThatThrownBy(() -> Outcomes.of("train", 0, "{not json", "out", FailOn.FAILURE))
                .isInstanceOf(EngineFailure.class).hasMessageContaining("not JSON");
    }

    @Test
    void withFailOnNoneAFailedCheckLeavesTheBuildToTheScript() throws Exception {
        StepResult failed = StepResult.fromChecks("validate", "2 anomalies", List.of(
                new Check("schema", CheckStatus.FAILED, 2, "0 errors", "2 anomalies at error level")));
        StepOutcome outcome = Outcomes.of("validate", 1, json(failed), "out", FailOn.NONE);
        assertThat(outcome.getBuildResult()).isEqualTo("SUCCESS");
        assertThat(outcome.toScriptResult()).containsEntry("status", "FAILED").containsEntry("passed", false);
    }

    @Test
    void theBuildPageShowsCountsAsIntegersAndOtherNumbersToFourDigits() {
        StepOutcome outcome = new StepOutcome("train", "PASSED", "", 0, "out", "SUCCESS", new java.util.LinkedHashMap<>(
                Map.of("rows", 344.0)), Map.of());
        outcome.getMetrics().put("loss-finite", 2.4045581167394465E-4);
        assertThat(outcome.getDisplayMetrics()).containsEntry("rows", "344").doesNotContainValue("344.0");
        assertThat(outcome.getDisplayMetrics().get("loss-finite")).isIn("0.0002405", "2.405e-04", "2.405E-4");
    }

    @Test
    void failOnAcceptsEitherCaseAndNamesTheChoicesOtherwise() {
        assertThat(FailOn.parse(" unstable ")).isEqualTo(FailOn.UNSTABLE);
        assertThatThrownBy(() -> FailOn.parse("ABORT")).hasMessage("failOn must be one of [FAILURE, UNSTABLE, NONE], not 'ABORT'");
    }
}
