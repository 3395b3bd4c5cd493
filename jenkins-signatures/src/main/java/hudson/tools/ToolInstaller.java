package hudson.tools;

import hudson.ExtensionPoint;
import hudson.FilePath;
import hudson.model.Describable;
import hudson.model.Node;
import hudson.model.TaskListener;
import java.io.IOException;

/** Real: {@code public abstract class ToolInstaller implements Describable<ToolInstaller>, ExtensionPoint}. */
public abstract class ToolInstaller implements Describable<ToolInstaller>, ExtensionPoint {
    protected ToolInstaller(String label) {
        throw new UnsupportedOperationException("signature only");
    }

    public final String getLabel() {
        throw new UnsupportedOperationException("signature only");
    }

    public boolean appliesTo(Node node) {
        throw new UnsupportedOperationException("signature only");
    }

    public abstract FilePath performInstallation(ToolInstallation tool, Node node, TaskListener log)
            throws IOException, InterruptedException;

    protected final FilePath preferredLocation(ToolInstallation tool, Node node) {
        throw new UnsupportedOperationException("signature only");
    }

    @Override
    public ToolInstallerDescriptor<?> getDescriptor() {
        throw new UnsupportedOperationException("signature only");
    }
}
