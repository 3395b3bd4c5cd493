package hudson.model;

import edu.umd.cs.findbugs.annotations.NonNull;
import jenkins.model.Loadable;
import jenkins.util.io.OnMaster;

/** Compile-only signature of the real {@code hudson.model.Descriptor} at Jenkins 2.479.3 (see the module README). */
public abstract class Descriptor<T extends Describable<T>> implements Loadable, Saveable, OnMaster {
    protected Descriptor(Class<? extends T> clazz) {
        throw new UnsupportedOperationException("signature only");
    }

    protected Descriptor() {
        throw new UnsupportedOperationException("signature only");
    }

    @NonNull
    public String getDisplayName() {
        throw new UnsupportedOperationException("signature only");
    }

    @Override
    public synchronized void save() {
        throw new UnsupportedOperationException("signature only");
    }

    @Override
    public synchronized void load() {
        throw new UnsupportedOperationException("signature only");
    }
}
