package hudson.model;

/**
 * Compile-only signature of the real {@code hudson.model.AbstractItem} at Jenkins 2.479.3 (see the module README).
 * Only here because it is the real superclass of {@link Job} and declares {@link #getFullName()}. Implements
 * {@link Item} as the real class does (real: {@code extends Actionable implements Item, HttpDeletable,
 * AccessControlled, DescriptorByNameOwner, StaplerProxy}); {@code getACL()} stays abstract here.
 */
public abstract class AbstractItem extends Actionable implements Item {
    /**
     * Not in the real class (whose constructor takes an {@code ItemGroup} and a name): package-private so that
     * javac does not add a public no-argument constructor that Jenkins does not have.
     */
    AbstractItem() {
        throw new UnsupportedOperationException("signature only");
    }

    public final String getFullName() {
        throw new UnsupportedOperationException("signature only");
    }
}
