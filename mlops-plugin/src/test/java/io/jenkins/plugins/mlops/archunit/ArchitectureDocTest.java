package io.jenkins.plugins.mlops.archunit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** ARCHITECTURE.md names classes in backticks: each is a class of this repository's sources. */
class ArchitectureDocTest {
    private static final Path ROOT = Path.of("..");
    /** A backticked Java type name, e.g. {@code `GateStep`}. */
    private static final Pattern CLASS_NAME = Pattern.compile("`([A-Z][a-z][A-Za-z0-9]*)`");

    @Test
    void everyClassItNamesExists() throws IOException {
        Set<String> named = new TreeSet<>();
        Matcher m = CLASS_NAME.matcher(Files.readString(ROOT.resolve("ARCHITECTURE.md")));
        while (m.find()) {
            named.add(m.group(1));
        }
        Set<String> sources;
        try (Stream<Path> files = Files.walk(ROOT)) {
            sources = files.filter(p -> p.toString().contains("/src/") && p.toString().endsWith(".java"))
                    .map(p -> p.getFileName().toString().replace(".java", "")).collect(Collectors.toSet());
        }
        assertThat(named).hasSizeGreaterThan(20);
        assertThat(sources).containsAll(named);
    }
}
