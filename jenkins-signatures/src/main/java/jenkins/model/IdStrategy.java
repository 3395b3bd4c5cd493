package jenkins.model;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.ExtensionPoint;
import hudson.model.AbstractDescribableImpl;
import java.util.Comparator;

/**
 * Compile-only signature of the real {@code jenkins.model.IdStrategy} at Jenkins 2.479.3 (see the module README).
 * Real declaration: {@code public abstract class IdStrategy extends AbstractDescribableImpl<IdStrategy>
 * implements ExtensionPoint, Comparator<String>}. The real sources annotate the parameters with
 * {@code javax.annotation.Nonnull}; the SpotBugs equivalent is used here (annotations do not affect linking).
 */
public abstract class IdStrategy extends AbstractDescribableImpl<IdStrategy> implements ExtensionPoint, Comparator<String> {
    public boolean equals(@NonNull String id1, @NonNull String id2) {
        throw new UnsupportedOperationException("signature only");
    }

    @Override
    public abstract int compare(@NonNull String id1, @NonNull String id2);
}
