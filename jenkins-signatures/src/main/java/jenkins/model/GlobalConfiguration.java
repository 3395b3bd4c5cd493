package jenkins.model;

import hudson.ExtensionPoint;
import hudson.model.Describable;
import hudson.model.Descriptor;

/**
 * Compile-only signature of the real {@code jenkins.model.GlobalConfiguration} at Jenkins 2.479.3 (see the module
 * README). {@code load()}/{@code save()} are inherited from {@link Descriptor}. The real default
 * {@code configure(StaplerRequest2, JSONObject)} calls {@code req.bindJSON(this, json)} (not stubbed here).
 */
public abstract class GlobalConfiguration extends Descriptor<GlobalConfiguration>
        implements ExtensionPoint, Describable<GlobalConfiguration> {
    protected GlobalConfiguration() {
        throw new UnsupportedOperationException("signature only");
    }

    @Override
    public final Descriptor<GlobalConfiguration> getDescriptor() {
        throw new UnsupportedOperationException("signature only");
    }
}
