package hudson.slaves;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.model.Node;
import hudson.model.TaskListener;
import java.io.IOException;

/** Real: {@code public interface NodeSpecific<T extends NodeSpecific<T>>}. */
public interface NodeSpecific<T extends NodeSpecific<T>> {
    T forNode(@NonNull Node node, TaskListener log) throws IOException, InterruptedException;
}
