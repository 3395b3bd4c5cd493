package hudson.model;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.FilePath;

/** Real: {@code public abstract class Node extends AbstractModelObject implements ...} (subset). */
public abstract class Node {
    protected Node() {
        throw new UnsupportedOperationException("signature only");
    }

    /** {@code ""} for the built-in node. */
    public abstract String getNodeName();

    public abstract @CheckForNull FilePath getRootPath();

    public abstract int getNumExecutors();

    @CheckForNull
    public final Computer toComputer() {
        throw new UnsupportedOperationException("signature only");
    }
}
