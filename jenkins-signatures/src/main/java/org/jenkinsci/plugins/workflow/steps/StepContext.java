package org.jenkinsci.plugins.workflow.steps;

import com.google.common.util.concurrent.FutureCallback;
import edu.umd.cs.findbugs.annotations.Nullable;
import hudson.model.Result;
import java.io.IOException;
import java.io.Serializable;

/**
 * Compile-only signature of the real {@code org.jenkinsci.plugins.workflow.steps.StepContext} (workflow-step-api for
 * Jenkins 2.479.3; see the module README). {@code onFailure(Throwable)} is inherited from Guava's {@link
 * FutureCallback}.
 */
public abstract class StepContext implements FutureCallback<Object>, Serializable {
    private static final long serialVersionUID = 1L;

    public abstract @Nullable <T> T get(Class<T> key) throws IOException, InterruptedException;

    @Override
    public abstract void onSuccess(@Nullable Object result);

    public abstract boolean isReady();

    /** For a step whose descriptor {@code takesImplicitBlockArgument()}: runs its body. */
    public abstract BodyInvoker newBodyInvoker();

    public abstract void setResult(Result r);

    /** Asks the Pipeline to save the program (with this execution) now, e.g. after the engine started. */
    public abstract com.google.common.util.concurrent.ListenableFuture<Void> saveState();
}
