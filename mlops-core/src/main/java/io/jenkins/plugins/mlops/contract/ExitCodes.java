package io.jenkins.plugins.mlops.contract;

/** The only exit codes the CLI may return (design.md); anything else is a bug. */
public final class ExitCodes {
    public static final int PASSED = 0;
    public static final int CHECK_FAILED = 1;
    public static final int INPUT_ERROR = 2;
    /** Reserved for internal errors, so that they are never mistaken for a verdict. */
    public static final int BUG = 3;

    private ExitCodes() {
    }
}
