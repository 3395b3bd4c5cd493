package hudson.tools;

import hudson.model.Descriptor;

/** Real: {@code public abstract class ToolInstallerDescriptor<T extends ToolInstaller> extends Descriptor<ToolInstaller>}. */
public abstract class ToolInstallerDescriptor<T extends ToolInstaller> extends Descriptor<ToolInstaller> {
    protected ToolInstallerDescriptor() {
        throw new UnsupportedOperationException("signature only");
    }

    public boolean isApplicable(Class<? extends ToolInstallation> toolType) {
        throw new UnsupportedOperationException("signature only");
    }
}
