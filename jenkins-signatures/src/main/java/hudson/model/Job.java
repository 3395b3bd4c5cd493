package hudson.model;

import hudson.ExtensionPoint;

/**
 * Compile-only signature of the real {@code hudson.model.Job} at Jenkins 2.479.3 (see the module README).
 * {@code getFullName()} is inherited from {@link AbstractItem}, where the real class declares it.
 */
public abstract class Job<JobT extends Job<JobT, RunT>, RunT extends Run<JobT, RunT>> extends AbstractItem
        implements ExtensionPoint {
    /**
     * Not in the real class (whose constructor takes an {@code ItemGroup} and a name): package-private so that
     * javac does not add a public no-argument constructor that Jenkins does not have.
     */
    Job() {
        throw new UnsupportedOperationException("signature only");
    }
}
