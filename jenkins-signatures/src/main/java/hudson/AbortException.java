package hudson;

import java.io.IOException;

/**
 * Compile-only signature of the real {@code hudson.AbortException} at Jenkins 2.479.3 (see the module README).
 * Not final: jenkinsci/jenkins PR #2288 (2016) removed the {@code final}.
 */
public class AbortException extends IOException {
    private static final long serialVersionUID = 1L;

    public AbortException() {
        throw new UnsupportedOperationException("signature only");
    }

    public AbortException(String message) {
        throw new UnsupportedOperationException("signature only");
    }
}
