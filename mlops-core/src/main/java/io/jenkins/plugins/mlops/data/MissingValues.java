package io.jenkins.plugins.mlops.data;

import java.util.Set;

/** The strings that mean "no value" (Frictionless {@code missingValues}). */
public record MissingValues(Set<String> markers) {
    /** Empty field, and the markers that R, pandas and SQL exports write. */
    public static final MissingValues DEFAULT = new MissingValues(Set.of("", "NA", "N/A", "null", "NULL"));

    public boolean isMissing(String value) {
        return value == null || markers.contains(value);
    }
}
