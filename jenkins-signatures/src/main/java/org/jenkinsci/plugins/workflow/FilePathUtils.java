package org.jenkinsci.plugins.workflow;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.FilePath;

/** Real (workflow-api): {@code public class FilePathUtils} (subset). */
public class FilePathUtils {
    private FilePathUtils() {
        throw new UnsupportedOperationException("signature only");
    }

    /** The node's name, {@code ""} for the built-in node. */
    public static @NonNull String getNodeName(@NonNull FilePath f) throws IllegalStateException {
        throw new UnsupportedOperationException("signature only");
    }

    /** The path on that node, or {@code null} while the node is offline or gone. */
    public static @CheckForNull FilePath find(@NonNull String node, @NonNull String path) {
        throw new UnsupportedOperationException("signature only");
    }
}
