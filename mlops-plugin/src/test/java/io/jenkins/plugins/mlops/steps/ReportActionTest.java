package io.jenkins.plugins.mlops.steps;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.mlops.adapter.StepOutcome;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The build action's plain data: where its reports go in the build, and how the build page links to them. */
class ReportActionTest {
    @Test
    void eachOutputFolderGetsItsOwnSafeBuildFolderAndUrl() {
        assertThat(ReportAction.folderFor("mlops/validation")).isEqualTo("mlops-validation");
        assertThat(ReportAction.folderFor("../../etc/passwd")).isEqualTo("etc-passwd");
        assertThat(ReportAction.folderFor("reports/batch 2")).isEqualTo("reports-batch-2");
        ReportAction action = new ReportAction(new StepOutcome("validation", "PASSED", "fine", 0, "mlops/validation",
                "SUCCESS", Map.of("rows", 344.0), Map.of()), ReportAction.folderFor("mlops/validation"),
                new io.jenkins.plugins.mlops.adapter.EngineHost("agent-1", "/ws", null, null));
        assertThat(action.getUrlName()).isEqualTo("mlops-mlops-validation");
        assertThat(action.getReportFile()).isEqualTo("validation.html");
        assertThat(action.getDisplayName()).isEqualTo("mlops validation report");
    }
}
