package io.jenkins.plugins.mlops.adapter;

/**
 * The engine did not end as the step contract says (a crash, an out-of-memory, a missing or
 * unreadable result): an error of the step with a one-line message, never a failed check.
 */
public final class EngineFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public EngineFailure(String message) {
        super(message);
    }
}
