package io.jenkins.plugins.mlops.contract;

/** Verdict of one individual check. */
public enum CheckStatus {
    PASSED,
    WARNING,
    FAILED,
    /** Too few rows to decide either way: neither a pass nor a failure. */
    INSUFFICIENT_DATA
}
