package org.jenkinsci.plugins.workflow.steps;

import edu.umd.cs.findbugs.annotations.NonNull;

/**
 * Compile-only signature of the real {@code org.jenkinsci.plugins.workflow.steps.SynchronousNonBlockingStepExecution}
 * (workflow-step-api for Jenkins 2.479.3; see the module README). {@link #run()} erases to {@code Object}.
 */
public abstract class SynchronousNonBlockingStepExecution<T> extends StepExecution {
    protected SynchronousNonBlockingStepExecution(@NonNull StepContext context) {
        super(context);
        throw new UnsupportedOperationException("signature only");
    }

    protected abstract T run() throws Exception;

    @Override
    public final boolean start() throws Exception {
        throw new UnsupportedOperationException("signature only");
    }

    @Override
    public void stop(Throwable cause) throws Exception {
        throw new UnsupportedOperationException("signature only");
    }

    @Override
    public void onResume() {
        throw new UnsupportedOperationException("signature only");
    }
}
