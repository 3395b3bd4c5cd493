package io.jenkins.plugins.mlops.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Paths of the checked-in test data in {@code test-fixtures/} at the repository root. */
public final class Fixtures {
    private Fixtures() {
    }

    public static Path root() {
        String configured = System.getProperty("mlops.repoRoot");
        Path start = configured != null ? Path.of(configured) : Path.of("").toAbsolutePath();
        for (Path p = start.toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve("test-fixtures"))) {
                return p.resolve("test-fixtures");
            }
        }
        throw new IllegalStateException("test-fixtures/ not found above " + start);
    }

    public static Path dataset(String name) {
        return root().resolve("datasets").resolve(name);
    }

    public static Path bad(String name) {
        return root().resolve("bad").resolve(name);
    }

    public static Path spec(String name) {
        return root().resolve("specs").resolve(name);
    }

    public static List<Path> datasets() {
        try (Stream<Path> s = Files.list(root().resolve("datasets"))) {
            return s.filter(p -> p.toString().endsWith(".csv")).sorted().toList();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
