package org.jenkinsci.plugins.workflow.steps;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import java.io.Serializable;

/**
 * Compile-only signature of the real {@code org.jenkinsci.plugins.workflow.steps.StepExecution}
 * (workflow-step-api for Jenkins 2.479.3; see the module README).
 */
public abstract class StepExecution implements Serializable {
    private static final long serialVersionUID = 1L;

    protected StepExecution(@NonNull StepContext context) {
        throw new UnsupportedOperationException("signature only");
    }

    public @NonNull StepContext getContext() {
        throw new UnsupportedOperationException("signature only");
    }

    public abstract boolean start() throws Exception;

    public void stop(@NonNull Throwable cause) throws Exception {
        throw new UnsupportedOperationException("signature only");
    }

    public void onResume() {
        throw new UnsupportedOperationException("signature only");
    }

    public @CheckForNull String getStatus() {
        throw new UnsupportedOperationException("signature only");
    }
}
