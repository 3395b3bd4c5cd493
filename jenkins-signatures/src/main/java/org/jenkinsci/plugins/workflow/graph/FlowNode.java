package org.jenkinsci.plugins.workflow.graph;

import hudson.model.Actionable;
import hudson.model.Saveable;

/** Real (workflow-api): {@code @ExportedBean public abstract class FlowNode extends Actionable implements Saveable} (subset). */
public abstract class FlowNode extends Actionable implements Saveable {
    protected FlowNode() {
        throw new UnsupportedOperationException("signature only");
    }

    public String getId() {
        throw new UnsupportedOperationException("signature only");
    }
}
