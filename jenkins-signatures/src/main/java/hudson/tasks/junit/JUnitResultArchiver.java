package hudson.tasks.junit;

import hudson.FilePath;
import hudson.Launcher;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.tasks.test.PipelineTestDetails;
import java.io.IOException;
import jenkins.tasks.SimpleBuildStep;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * Compile-only signature of the real {@code hudson.tasks.junit.JUnitResultArchiver} of the <b>junit plugin</b>
 * (jenkinsci/junit-plugin; see the module README). Real: {@code public class JUnitResultArchiver extends Recorder
 * implements SimpleBuildStep, JUnitTask}; only {@link SimpleBuildStep} is declared. It overrides the
 * <em>4-argument</em> {@code perform} with a raw {@code Run} parameter (same erasure).
 */
public class JUnitResultArchiver implements SimpleBuildStep, JUnitTask {
    private static final long serialVersionUID = 1L;

    @DataBoundConstructor
    public JUnitResultArchiver(String testResults) {
        throw new UnsupportedOperationException("signature only");
    }

    @SuppressWarnings("rawtypes")
    @Override
    public void perform(Run build, FilePath workspace, Launcher launcher, TaskListener listener)
            throws InterruptedException, IOException {
        throw new UnsupportedOperationException("signature only");
    }

    @DataBoundSetter
    public void setChecksName(String checksName) {
        throw new UnsupportedOperationException("signature only");
    }

    @DataBoundSetter
    public void setSkipPublishingChecks(boolean skipPublishingChecks) {
        throw new UnsupportedOperationException("signature only");
    }

    @DataBoundSetter
    public final void setAllowEmptyResults(boolean allowEmptyResults) {
        throw new UnsupportedOperationException("signature only");
    }

    @Override
    public String getTestResults() {
        throw new UnsupportedOperationException("signature only");
    }

    @Override
    public boolean isAllowEmptyResults() {
        throw new UnsupportedOperationException("signature only");
    }

    /** Parses and attaches the results without touching the build result (only {@code perform} does that). */
    public static TestResultSummary parseAndSummarize(@edu.umd.cs.findbugs.annotations.NonNull JUnitTask task,
            PipelineTestDetails pipelineTestDetails, Run<?, ?> build, FilePath workspace, Launcher launcher,
            TaskListener listener) throws InterruptedException, IOException {
        throw new UnsupportedOperationException("signature only");
    }
}
