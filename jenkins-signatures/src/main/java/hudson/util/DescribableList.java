package hudson.util;

import hudson.model.Describable;
import hudson.model.Descriptor;
import java.util.List;

/**
 * Real: {@code public class DescribableList<T extends Describable<T>, D extends Descriptor<T>> extends
 * PersistedList<T>}; {@code toList()} is PersistedList's (left out: a call links through the superclass).
 */
public class DescribableList<T extends Describable<T>, D extends Descriptor<T>> {
    DescribableList() {
        throw new UnsupportedOperationException("signature only");
    }

    public List<T> toList() {
        throw new UnsupportedOperationException("signature only");
    }
}
