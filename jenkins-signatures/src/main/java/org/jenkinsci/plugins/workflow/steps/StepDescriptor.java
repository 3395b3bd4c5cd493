package org.jenkinsci.plugins.workflow.steps;

import hudson.model.Descriptor;
import java.util.Set;

/**
 * Compile-only signature of the real {@code org.jenkinsci.plugins.workflow.steps.StepDescriptor}
 * (workflow-step-api for Jenkins 2.479.3; see the module README).
 */
public abstract class StepDescriptor extends Descriptor<Step> {
    public abstract Set<? extends Class<?>> getRequiredContext();

    public abstract String getFunctionName();

    public boolean takesImplicitBlockArgument() {
        throw new UnsupportedOperationException("signature only");
    }

    public boolean isAdvanced() {
        throw new UnsupportedOperationException("signature only");
    }
}
