package org.jenkinsci.plugins.workflow.graph;

import hudson.model.Actionable;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.model.Saveable;
import java.util.List;

/** Real (workflow-api): {@code @ExportedBean public abstract class FlowNode extends Actionable implements Saveable} (subset). */
public abstract class FlowNode extends Actionable implements Saveable {
    protected FlowNode() {
        throw new UnsupportedOperationException("signature only");
    }

    public String getId() {
        throw new UnsupportedOperationException("signature only");
    }

    /** The blocks this node is in, innermost first. */
    @NonNull
    public List<? extends BlockStartNode> getEnclosingBlocks() {
        throw new UnsupportedOperationException("signature only");
    }
}
