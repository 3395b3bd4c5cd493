package hudson.tools;

import hudson.model.Descriptor;
import java.util.List;

/** Real: {@code public abstract class ToolDescriptor<T extends ToolInstallation> extends Descriptor<ToolInstallation>}. */
public abstract class ToolDescriptor<T extends ToolInstallation> extends Descriptor<ToolInstallation> {
    protected ToolDescriptor() {
        throw new UnsupportedOperationException("signature only");
    }

    public T[] getInstallations() {
        throw new UnsupportedOperationException("signature only");
    }

    @SuppressWarnings("unchecked")
    public void setInstallations(T... installations) {
        throw new UnsupportedOperationException("signature only");
    }

    public List<? extends ToolInstaller> getDefaultInstallers() {
        throw new UnsupportedOperationException("signature only");
    }
}
