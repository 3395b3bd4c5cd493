package hudson.util;

import java.io.Serializable;

/** Compile-only signature of the real {@code hudson.util.Secret} at Jenkins 2.479.3 (see the module README). */
public final class Secret implements Serializable {
    private static final long serialVersionUID = 1L;

    /** Real: a package-private {@code Secret(String value)}. */
    Secret(String value) {
        throw new UnsupportedOperationException("signature only");
    }

    /** Real: no nullness annotation on this method in the sources read. */
    public String getPlainText() {
        throw new UnsupportedOperationException("signature only");
    }
}
