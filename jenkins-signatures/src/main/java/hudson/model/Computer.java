package hudson.model;

import edu.umd.cs.findbugs.annotations.CheckForNull;

/** Real: {@code public abstract class Computer extends Actionable implements AccessControlled, IComputer, ...} (subset). */
public abstract class Computer extends Actionable {
    protected Computer() {
        throw new UnsupportedOperationException("signature only");
    }

    @CheckForNull
    public Node getNode() {
        throw new UnsupportedOperationException("signature only");
    }

    public final boolean isOnline() {
        throw new UnsupportedOperationException("signature only");
    }

    public int countIdle() {
        throw new UnsupportedOperationException("signature only");
    }
}
