package hudson.model;

import edu.umd.cs.findbugs.annotations.CheckForNull;

/**
 * Compile-only signature of the real {@code hudson.model.Cause} at Jenkins 2.479.3 (see the module README).
 * The real class declares no constructor (implicit public one, as here).
 */
public abstract class Cause {
    public abstract String getShortDescription();

    /** Real: {@code public static class UserIdCause extends Cause} (binary name {@code hudson.model.Cause$UserIdCause}). */
    public static class UserIdCause extends Cause {
        public UserIdCause() {
            throw new UnsupportedOperationException("signature only");
        }

        public UserIdCause(@CheckForNull String userId) {
            throw new UnsupportedOperationException("signature only");
        }

        @CheckForNull
        public String getUserId() {
            throw new UnsupportedOperationException("signature only");
        }

        @Override
        public String getShortDescription() {
            throw new UnsupportedOperationException("signature only");
        }
    }
}
