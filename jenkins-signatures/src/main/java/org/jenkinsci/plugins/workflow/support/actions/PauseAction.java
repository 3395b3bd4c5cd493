package org.jenkinsci.plugins.workflow.support.actions;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.model.InvisibleAction;
import java.io.IOException;
import org.jenkinsci.plugins.workflow.graph.FlowNode;

/** Real (workflow-support): {@code public class PauseAction extends InvisibleAction implements PersistentAction}. */
public class PauseAction extends InvisibleAction {
    public PauseAction(String cause) {
        throw new UnsupportedOperationException("signature only");
    }

    public boolean isPaused() {
        throw new UnsupportedOperationException("signature only");
    }

    public static void endCurrentPause(@NonNull FlowNode node) throws IOException {
        throw new UnsupportedOperationException("signature only");
    }

    public static boolean isPaused(@NonNull FlowNode node) {
        throw new UnsupportedOperationException("signature only");
    }
}
