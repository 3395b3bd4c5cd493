package io.jenkins.plugins.mlops.steps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import hudson.model.Run;
import hudson.security.ACL;
import hudson.security.AccessControlled;
import hudson.security.Permission;
import io.jenkins.plugins.mlops.adapter.StepOutcome;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The build action: where its reports go in the build, how the build page links to them, and that it
 * serves nothing without the permission Jenkins' own artifacts need.
 */
class ReportActionTest {
    @Test
    void eachOutputFolderGetsItsOwnSafeBuildFolderAndUrl() {
        assertThat(ReportAction.folderFor("mlops/validation")).isEqualTo("mlops-validation");
        assertThat(ReportAction.folderFor("../../etc/passwd")).isEqualTo("etc-passwd");
        assertThat(ReportAction.folderFor("reports/batch 2")).isEqualTo("reports-batch-2");
        ReportAction action = new ReportAction(new StepOutcome("validation", "PASSED", "fine", 0, "mlops/validation",
                "SUCCESS", Map.of("rows", 344.0), Map.of()), ReportAction.folderFor("mlops/validation"),
                new io.jenkins.plugins.mlops.adapter.EngineHost("agent-1", "/ws", null, null, null));
        assertThat(action.getUrlName()).isEqualTo("mlops-mlops-validation");
        assertThat(action.getReportFile()).isEqualTo("validation.html");
        assertThat(action.getDisplayName()).isEqualTo("mlops validation report");
        ReportAction canary = new ReportAction(new StepOutcome("deploy", "PASSED", "fine", 0, "mlops/deploy-canary",
                "SUCCESS", Map.of(), Map.of()), ReportAction.folderFor("mlops/deploy-canary"),
                new io.jenkins.plugins.mlops.adapter.EngineHost("agent-1", "/ws", null, null, null));
        assertThat(canary.getDisplayName()).isEqualTo("mlops deploy report (mlops/deploy-canary)");
    }

    /** A build whose permission checks are counted, and denied as Jenkins denies them. */
    private static final class CountingBuild implements AccessControlled {
        final List<Permission> checked = new ArrayList<>();

        @Override
        public ACL getACL() {
            throw new AssertionError("the report checks through checkPermission, as Jenkins' artifacts do");
        }

        @Override
        public void checkPermission(Permission permission) {
            checked.add(permission);
            throw new SecurityException("denied");
        }
    }

    @Test
    void reportsCheckTheArtifactsPermissionExactlyWhenJenkinsDoes() {
        CountingBuild build = new CountingBuild();
        assertThatThrownBy(() -> ReportAction.checkArtifactsPermission(build, true)).hasMessage("denied");
        assertThat(build.checked).containsExactly(Run.ARTIFACTS);

        CountingBuild open = new CountingBuild();
        ReportAction.checkArtifactsPermission(open, false);
        assertThat(open.checked).isEmpty();
    }

    /** Every URL the action answers (its index and each file) checks the permission before it serves. */
    @Test
    void everyUrlOfTheActionChecksThePermission() {
        JavaClass action = new ClassFileImporter().importClasses(ReportAction.class).get(ReportAction.class);
        List<JavaMethod> urls = action.getMethods().stream()
                .filter(m -> m.getName().startsWith("do") && m.getModifiers().contains(JavaModifier.PUBLIC)).toList();
        assertThat(urls).extracting(JavaMethod::getName).containsExactlyInAnyOrder("doIndex", "doDynamic");
        for (JavaMethod url : urls) {
            assertThat(url.getMethodCallsFromSelf()).as(url.getName())
                    .anyMatch(call -> call.getName().equals("checkArtifactsPermission"));
        }
    }
}
