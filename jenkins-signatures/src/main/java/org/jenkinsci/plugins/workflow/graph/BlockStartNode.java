package org.jenkinsci.plugins.workflow.graph;

/** Real (workflow-api): {@code public abstract class BlockStartNode extends FlowNode}. */
public abstract class BlockStartNode extends FlowNode {
    protected BlockStartNode() {
        throw new UnsupportedOperationException("signature only");
    }
}
