package org.jenkinsci.plugins.workflow.steps;

import com.google.common.util.concurrent.FutureCallback;
import java.io.Serializable;

/**
 * Compile-only signature of the real {@code org.jenkinsci.plugins.workflow.steps.BodyExecutionCallback} of
 * <b>workflow-step-api</b> (see the module README): {@code public abstract class BodyExecutionCallback
 * implements Serializable}, told when a body ends.
 */
@SuppressWarnings("serial") // the real class declares no serialVersionUID
public abstract class BodyExecutionCallback implements Serializable {
    public abstract void onSuccess(StepContext context, Object result);

    public abstract void onFailure(StepContext context, Throwable t);

    public static BodyExecutionCallback wrap(FutureCallback<Object> v) {
        throw new UnsupportedOperationException("signature only");
    }
}
