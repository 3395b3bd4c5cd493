package io.jenkins.plugins.checks.api;

/**
 * Compile-only signature of the real {@code io.jenkins.plugins.checks.api.ChecksConclusion} of the <b>checks-api
 * plugin</b> (see the module README), in its order: {@code NONE} is "no conclusion yet".
 */
public enum ChecksConclusion {
    NONE, ACTION_REQUIRED, SKIPPED, CANCELED, TIME_OUT, FAILURE, NEUTRAL, SUCCESS
}
