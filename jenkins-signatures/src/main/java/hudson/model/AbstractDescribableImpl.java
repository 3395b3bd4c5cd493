package hudson.model;

/**
 * Compile-only signature of the real {@code hudson.model.AbstractDescribableImpl} at Jenkins 2.479.3
 * (see the module README).
 */
public abstract class AbstractDescribableImpl<T extends AbstractDescribableImpl<T>> implements Describable<T> {
    @Override
    public Descriptor<T> getDescriptor() {
        throw new UnsupportedOperationException("signature only");
    }
}
