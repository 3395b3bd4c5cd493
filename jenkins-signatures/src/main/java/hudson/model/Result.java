package hudson.model;

import edu.umd.cs.findbugs.annotations.NonNull;
import java.io.Serializable;
import org.kohsuke.stapler.export.CustomExportedBean;

/**
 * Compile-only signature of the real {@code hudson.model.Result} at Jenkins 2.479.3 (see the module README).
 * The constants are initialised to {@code null}, never to a compile-time constant, so that callers read the real
 * fields at run time ({@code getstatic}) instead of having a value inlined.
 */
public final class Result implements Serializable, CustomExportedBean {
    public static final @NonNull Result SUCCESS = null;
    public static final @NonNull Result UNSTABLE = null;
    public static final @NonNull Result FAILURE = null;
    public static final @NonNull Result NOT_BUILT = null;
    public static final @NonNull Result ABORTED = null;

    private static final long serialVersionUID = 1L;

    /**
     * Not in the real class (whose private constructor takes a name, a colour, an ordinal and a flag):
     * declared only so that javac does not add a public no-argument constructor that Jenkins does not have.
     */
    private Result() {
        throw new UnsupportedOperationException("signature only");
    }

    public @NonNull Result combine(@NonNull Result that) {
        throw new UnsupportedOperationException("signature only");
    }

    public boolean isWorseThan(@NonNull Result that) {
        throw new UnsupportedOperationException("signature only");
    }

    public boolean isWorseOrEqualTo(@NonNull Result that) {
        throw new UnsupportedOperationException("signature only");
    }

    public boolean isBetterOrEqualTo(@NonNull Result that) {
        throw new UnsupportedOperationException("signature only");
    }

    @Override
    public @NonNull String toString() {
        throw new UnsupportedOperationException("signature only");
    }

    /** Required by the real interface {@link CustomExportedBean}; the real class declares it too. */
    @Override
    public @NonNull String toExportedObject() {
        throw new UnsupportedOperationException("signature only");
    }

    public static @NonNull Result fromString(@NonNull String s) {
        throw new UnsupportedOperationException("signature only");
    }
}
