package hudson.tools;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.EnvVars;
import hudson.ExtensionPoint;
import hudson.model.AbstractDescribableImpl;
import hudson.model.Node;
import hudson.model.TaskListener;
import hudson.util.DescribableList;
import java.io.IOException;
import java.io.Serializable;
import java.util.List;

/**
 * Real: {@code public abstract class ToolInstallation extends AbstractDescribableImpl<ToolInstallation> implements
 * Serializable, ExtensionPoint}.
 */
public abstract class ToolInstallation extends AbstractDescribableImpl<ToolInstallation>
        implements Serializable, ExtensionPoint {
    private static final long serialVersionUID = 1L;

    public ToolInstallation(String name, String home, List<? extends ToolProperty<?>> properties) {
        throw new UnsupportedOperationException("signature only");
    }

    public String getName() {
        throw new UnsupportedOperationException("signature only");
    }

    public @CheckForNull String getHome() {
        throw new UnsupportedOperationException("signature only");
    }

    public void buildEnvVars(EnvVars env) {
        throw new UnsupportedOperationException("signature only");
    }

    public DescribableList<ToolProperty<?>, ToolPropertyDescriptor> getProperties() {
        throw new UnsupportedOperationException("signature only");
    }

    protected String translateFor(Node node, TaskListener log) throws IOException, InterruptedException {
        throw new UnsupportedOperationException("signature only");
    }
}
