package io.jenkins.plugins.mlops.contract;

/** Overall verdict of one step run (design.md, "The step contract"). */
public enum Status {
    PASSED,
    FAILED,
    NEEDS_APPROVAL,
    ERROR;

    /**
     * CLI exit code: 0 only when the pipeline may go on without a person; a gate that needs an
     * approval stops an automated pipeline just like a failure does, its JSON says which.
     */
    public int exitCode() {
        return switch (this) {
            case PASSED -> ExitCodes.PASSED;
            case FAILED, NEEDS_APPROVAL -> ExitCodes.CHECK_FAILED;
            case ERROR -> ExitCodes.INPUT_ERROR;
        };
    }
}
