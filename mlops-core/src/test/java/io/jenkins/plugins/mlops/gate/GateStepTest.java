package io.jenkins.plugins.mlops.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.mlops.contract.Check;
import io.jenkins.plugins.mlops.contract.Status;
import io.jenkins.plugins.mlops.contract.StepResult;
import io.jenkins.plugins.mlops.report.HtmlReport;
import io.jenkins.plugins.mlops.report.StepOutputWriter;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GateStepTest {
    private static void write(Path dir, String step, Check... checks) {
        StepResult r = StepResult.fromChecks(step, step + " summary", List.of(checks));
        StepOutputWriter.write(dir, r, HtmlReport.forResult(step, r));
    }

    @Test
    void failedStepRejectsWithItsFailedChecksNamed(@TempDir Path dir) {
        write(dir, "validation", Check.passed("rows", 10, "> 0", "ok"));
        write(dir, "test", Check.failed("accuracy", 0.61, ">= 0.8", "too low"), Check.passed("macroF1", 0.9, ">= 0.7", "ok"));
        StepResult gate = GateStep.run(List.of(dir), false, dir);
        assertThat(gate.getStatus()).isEqualTo(Status.FAILED);
        assertThat(gate.getSummary()).contains("test failed (failed checks: accuracy)");
        assertThat(gate.getChecks()).extracting(Check::name).containsExactly("step:test", "step:validation");
    }

    @Test
    void allPassedGivesPassedOrNeedsApproval(@TempDir Path dir) {
        write(dir, "test", Check.passed("accuracy", 0.95, ">= 0.8", "ok"));
        assertThat(GateStep.run(List.of(dir.resolve("test.json")), false, dir).getStatus()).isEqualTo(Status.PASSED);
        StepResult approval = GateStep.run(List.of(dir.resolve("test.json")), true, dir);
        assertThat(approval.getStatus()).isEqualTo(Status.NEEDS_APPROVAL);
        assertThat(approval.getStatus().exitCode()).isEqualTo(1);
    }

    @Test
    void noResultsIsAnInputError(@TempDir Path dir) {
        assertThatThrownBy(() -> GateStep.run(List.of(dir), false, dir)).hasMessageContaining("no step results");
        assertThatThrownBy(() -> GateStep.run(List.of(dir.resolve("missing.json")), false, dir))
                .hasMessageContaining("no such file");
    }
}
