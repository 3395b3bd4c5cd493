package io.jenkins.plugins.mlops.adapter;

import java.util.Arrays;
import java.util.Locale;

/** What a failed check does to the build: mark it failed, or only unstable (the pipeline goes on). */
public enum FailOn {
    FAILURE,
    UNSTABLE;

    /** Case-insensitive; a one-line error naming the allowed values otherwise. */
    public static FailOn parse(String value) {
        try {
            return valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException("failOn must be one of " + Arrays.toString(values()) + ", not '" + value
                    + "'");
        }
    }
}
