package org.jenkinsci.plugins.workflow.steps;

/**
 * Compile-only signature of the real {@code org.jenkinsci.plugins.workflow.steps.BodyInvoker} of
 * <b>workflow-step-api</b> (see the module README): {@code public abstract class BodyInvoker}, the builder of a
 * block step's body run ({@link StepContext#newBodyInvoker()}).
 */
public abstract class BodyInvoker {
    public abstract BodyInvoker withContext(Object override);

    public abstract BodyInvoker withCallback(BodyExecutionCallback callback);

    public abstract BodyExecution start();
}
