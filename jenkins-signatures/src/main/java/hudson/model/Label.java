package hudson.model;

import java.util.Set;

/**
 * Real: {@code public abstract class Label extends Actionable implements Comparable<Label>,
 * ModelObjectWithChildren} (subset: the supertype and the interfaces left out).
 */
public abstract class Label {
    protected Label(String name) {
        throw new UnsupportedOperationException("signature only");
    }

    /** The nodes the expression matches. */
    public Set<Node> getNodes() {
        throw new UnsupportedOperationException("signature only");
    }
}
