package io.jenkins.plugins.mlops.adapter;

import java.util.Arrays;
import java.util.Locale;

/**
 * What a failed check does to the Pipeline: {@code FAILURE} fails the step (later stages do not
 * run, {@code catchError} and {@code post { failure }} see it), {@code UNSTABLE} marks the step's
 * stage and the build unstable and goes on, {@code NONE} leaves both alone for the script to decide
 * from the returned {@code status}.
 */
public enum FailOn {
    FAILURE,
    UNSTABLE,
    NONE;

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
