package hudson.tasks.test;

import edu.umd.cs.findbugs.annotations.NonNull;
import java.io.Serializable;
import java.util.List;

/** Real (junit): {@code public class PipelineTestDetails implements Serializable}. */
public class PipelineTestDetails implements Serializable {
    private static final long serialVersionUID = 1L;

    public PipelineTestDetails() {
        throw new UnsupportedOperationException("signature only");
    }

    public void setNodeId(@NonNull String nodeId) {
        throw new UnsupportedOperationException("signature only");
    }

    public void setEnclosingBlocks(@NonNull List<String> enclosingBlocks) {
        throw new UnsupportedOperationException("signature only");
    }

    public void setEnclosingBlockNames(@NonNull List<String> enclosingBlockNames) {
        throw new UnsupportedOperationException("signature only");
    }
}
