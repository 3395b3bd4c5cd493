package hudson.tools;

import hudson.model.Descriptor;

/**
 * Real: {@code public abstract class ToolPropertyDescriptor extends PropertyDescriptor<ToolProperty<?>,
 * ToolInstallation>} (PropertyDescriptor extends Descriptor; left out).
 */
public abstract class ToolPropertyDescriptor extends Descriptor<ToolProperty<?>> {
    protected ToolPropertyDescriptor() {
        throw new UnsupportedOperationException("signature only");
    }
}
