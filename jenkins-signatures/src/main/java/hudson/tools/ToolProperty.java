package hudson.tools;

import hudson.ExtensionPoint;
import hudson.model.Describable;

/**
 * Real: {@code public abstract class ToolProperty<T extends ToolInstallation> implements
 * ReconfigurableDescribable<ToolProperty<?>>, ExtensionPoint} (ReconfigurableDescribable extends Describable).
 */
public abstract class ToolProperty<T extends ToolInstallation> implements Describable<ToolProperty<?>>, ExtensionPoint {
    protected ToolProperty() {
        throw new UnsupportedOperationException("signature only");
    }
}
