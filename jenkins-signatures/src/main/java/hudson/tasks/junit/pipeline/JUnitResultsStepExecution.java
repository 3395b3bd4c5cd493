package hudson.tasks.junit.pipeline;

import edu.umd.cs.findbugs.annotations.NonNull;
import java.util.List;
import org.jenkinsci.plugins.workflow.graph.FlowNode;

/**
 * Real (junit): {@code public class JUnitResultsStepExecution extends
 * SynchronousNonBlockingStepExecution<TestResultSummary>}; only its static helpers, which name a
 * step's enclosing stages and parallel branches the way the junit step records them.
 */
public class JUnitResultsStepExecution {
    private JUnitResultsStepExecution() {
        throw new UnsupportedOperationException("signature only");
    }

    @NonNull
    public static List<FlowNode> getEnclosingStagesAndParallels(FlowNode node) {
        throw new UnsupportedOperationException("signature only");
    }

    @NonNull
    public static List<String> getEnclosingBlockIds(@NonNull List<FlowNode> nodes) {
        throw new UnsupportedOperationException("signature only");
    }

    @NonNull
    public static List<String> getEnclosingBlockNames(@NonNull List<FlowNode> nodes) {
        throw new UnsupportedOperationException("signature only");
    }
}
