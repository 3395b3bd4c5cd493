package hudson.util;

import java.io.IOException;

/**
 * Compile-only signature of the real {@code hudson.util.FormValidation} (see the module README). Real:
 * {@code public abstract class FormValidation extends IOException implements HttpResponse}; {@code HttpResponse}
 * left out (stapler 1.263's is the javax one). Its constructors are private: do not subclass.
 */
public abstract class FormValidation extends IOException {
    private static final long serialVersionUID = 1L;

    public enum Kind {
        OK,
        WARNING,
        ERROR
    }

    public final Kind kind = null;

    private FormValidation() {
        throw new UnsupportedOperationException("signature only");
    }

    public static FormValidation error(String message) {
        throw new UnsupportedOperationException("signature only");
    }

    public static FormValidation warning(String message) {
        throw new UnsupportedOperationException("signature only");
    }

    public static FormValidation ok(String message) {
        throw new UnsupportedOperationException("signature only");
    }

    public static FormValidation ok() {
        throw new UnsupportedOperationException("signature only");
    }

    public abstract String renderHtml();
}
