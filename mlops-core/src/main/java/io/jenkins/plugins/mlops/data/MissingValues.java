package io.jenkins.plugins.mlops.data;

import java.util.Arrays;
import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;

/** The strings that mean "no value" (Frictionless {@code missingValues}). */
public record MissingValues(Set<String> markers) {
    /** Empty field, and the markers that R, pandas and SQL exports write. */
    public static final MissingValues DEFAULT = new MissingValues(Set.of("", "NA", "N/A", "null", "NULL"));

    public MissingValues {
        markers = Collections.unmodifiableSortedSet(new TreeSet<>(markers));
    }

    /** A comma-separated list, e.g. {@code ",NA,-999"} (an empty item is the empty field). */
    public static MissingValues parse(String commaSeparated) {
        return new MissingValues(Set.copyOf(Arrays.asList(commaSeparated.split(",", -1))));
    }

    /** Tests a field in place, in the parser's buffer (the CSV hot path: no String per field). */
    @FunctionalInterface
    public interface Matcher {
        boolean test(char[] buf, int offset, int len);
    }

    public Matcher matcher() {
        char[][] candidates = markers.stream().map(String::toCharArray).toArray(char[][]::new);
        int longest = markers.stream().mapToInt(String::length).max().orElse(0);
        boolean empty = markers.contains("");
        boolean[] firsts = new boolean[128];
        markers.stream().filter(m -> !m.isEmpty()).forEach(m -> firsts[Math.min(127, m.charAt(0))] = true);
        return (buf, offset, len) -> {
            // most values are decided by their length or their first character alone
            if (len == 0) {
                return empty;
            }
            if (len > longest || !firsts[Math.min(127, buf[offset])]) {
                return false;
            }
            for (char[] m : candidates) {
                if (m.length == len && Arrays.equals(m, 0, len, buf, offset, offset + len)) {
                    return true;
                }
            }
            return false;
        };
    }
}
