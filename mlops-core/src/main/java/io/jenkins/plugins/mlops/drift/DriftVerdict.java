package io.jenkins.plugins.mlops.drift;

public enum DriftVerdict {
    DRIFT,
    NO_DRIFT,
    INSUFFICIENT_DATA
}
