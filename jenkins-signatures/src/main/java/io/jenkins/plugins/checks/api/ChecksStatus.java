package io.jenkins.plugins.checks.api;

/**
 * Compile-only signature of the real {@code io.jenkins.plugins.checks.api.ChecksStatus} of the <b>checks-api
 * plugin</b> (see the module README): {@code public enum ChecksStatus { NONE, QUEUED, IN_PROGRESS, COMPLETED }}.
 */
public enum ChecksStatus {
    NONE, QUEUED, IN_PROGRESS, COMPLETED
}
