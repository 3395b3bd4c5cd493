package io.jenkins.plugins.mlops.data;

import java.util.Set;

/** The strings that mean "no value" (Frictionless {@code missingValues}). */
public record MissingValues(Set<String> markers) {
    /** Empty field, and the markers that R, pandas and SQL exports write. */
    public static final MissingValues DEFAULT = new MissingValues(Set.of("", "NA", "N/A", "null", "NULL"));

    public MissingValues {
        markers = java.util.Collections.unmodifiableSortedSet(new java.util.TreeSet<>(markers));
    }

    /** Longer values cannot be markers: most values are decided by their length alone (hot path). */
    private int longest() {
        int n = 0;
        for (String m : markers) {
            n = Math.max(n, m.length());
        }
        return n;
    }

    /** A comma-separated list, e.g. {@code ",NA,-999"} (an empty item is the empty field). */
    public static MissingValues parse(String commaSeparated) {
        return new MissingValues(Set.copyOf(java.util.Arrays.asList(commaSeparated.split(",", -1))));
    }

    /** A fast membership test for the CSV hot path. */
    public java.util.function.Predicate<String> matcher() {
        java.util.Set<String> set = new java.util.HashSet<>(markers);
        int longest = longest();
        return value -> value == null || value.length() <= longest && set.contains(value);
    }

    public boolean isMissing(String value) {
        return value == null || markers.contains(value);
    }
}
