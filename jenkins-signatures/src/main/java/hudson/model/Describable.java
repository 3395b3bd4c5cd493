package hudson.model;

/**
 * Compile-only signature of the real {@code hudson.model.Describable} at Jenkins 2.479.3 (see the module README).
 * {@code getDescriptor()} is abstract here, as at 2.479.3; it became a default method only in 2.505.
 */
public interface Describable<T extends Describable<T>> {
    Descriptor<T> getDescriptor();
}
