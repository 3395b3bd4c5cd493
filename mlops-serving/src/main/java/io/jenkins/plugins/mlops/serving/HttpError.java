package io.jenkins.plugins.mlops.serving;

/** An error answered as {@code {"error": message}} with the given HTTP status. */
final class HttpError extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final int status;

    HttpError(int status, String message) {
        super(message, null, false, false);
        this.status = status;
    }
}
