package org.jenkinsci.plugins.workflow.steps;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.EnvVars;
import java.io.IOException;
import java.io.Serializable;

/**
 * Compile-only signature of the real {@code org.jenkinsci.plugins.workflow.steps.EnvironmentExpander} of
 * <b>workflow-step-api</b> (see the module README): {@code public abstract class EnvironmentExpander implements
 * Serializable}, what a block step adds to its body's environment (through {@link BodyInvoker#withContext}).
 */
@SuppressWarnings("serial") // the real class declares no serialVersionUID
public abstract class EnvironmentExpander implements Serializable {
    public abstract void expand(@NonNull EnvVars env) throws IOException, InterruptedException;

    public static EnvironmentExpander merge(@CheckForNull EnvironmentExpander original,
                                            @NonNull EnvironmentExpander subsequent) {
        throw new UnsupportedOperationException("signature only");
    }
}
