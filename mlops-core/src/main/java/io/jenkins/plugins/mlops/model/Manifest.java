package io.jenkins.plugins.mlops.model;

import io.jenkins.plugins.mlops.contract.InvalidInputException;
import io.jenkins.plugins.mlops.contract.Json;
import io.jenkins.plugins.mlops.data.Sha256;
import io.jenkins.plugins.mlops.report.StepOutputWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * {@code manifest.json}: the SHA-256 of every file of a package. A package is loaded only after
 * every listed file matches, no listed path leaves the folder, and no unlisted file is present.
 */
public record Manifest(String algorithm, Map<String, String> files) {
    public static final String FILE = "manifest.json";

    /** The manifest of a package held in memory: file name (with {@code /}) to content. */
    public static Manifest of(Map<String, byte[]> files) {
        Map<String, String> digests = new TreeMap<>();
        files.forEach((name, content) -> digests.put(name, Sha256.of(content)));
        return new Manifest("SHA-256", digests);
    }

    /** Digests every regular file under {@code dir} (except the manifest) and writes the manifest. */
    public static Manifest write(Path dir) {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.filter(Files::isRegularFile)
                    .filter(p -> !p.getFileName().toString().equals(FILE))
                    .forEach(p -> files.put(dir.relativize(p).toString().replace('\\', '/'), Sha256.of(p)));
            Manifest manifest = new Manifest("SHA-256", files);
            StepOutputWriter.writeAtomically(dir.resolve(FILE), Json.JSON.writeValueAsString(manifest) + "\n");
            return manifest;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write manifest in " + dir, e);
        }
    }

    /** Throws {@link InvalidInputException} naming the first file that does not match. */
    public static Manifest verify(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw InvalidInputException.in(dir, "not a model package folder");
        }
        Path manifestFile = dir.resolve(FILE);
        if (!Files.isRegularFile(manifestFile)) {
            throw InvalidInputException.in(dir, "model package has no " + FILE + "; refusing to load an unverified model");
        }
        Manifest manifest = Json.readJson(manifestFile, Manifest.class);
        if (!"SHA-256".equals(manifest.algorithm()) || manifest.files() == null) {
            throw InvalidInputException.in(manifestFile, "expected algorithm SHA-256 and a files map");
        }
        Path root = dir.toAbsolutePath().normalize();
        for (Map.Entry<String, String> e : manifest.files().entrySet()) {
            Path file = safeResolve(root, e.getKey(), manifestFile);
            if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
                throw InvalidInputException.in(manifestFile, "listed file '" + e.getKey() + "' is missing");
            }
            String actual = Sha256.of(file);
            if (!actual.equals(e.getValue())) {
                throw InvalidInputException.in(manifestFile, "SHA-256 mismatch for '" + e.getKey() + "': manifest "
                        + e.getValue() + ", file " + actual + " (the package was modified or corrupted)");
            }
        }
        try (Stream<Path> walk = Files.walk(root)) {
            walk.filter(p -> !Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS))
                    .map(p -> root.relativize(p).toString().replace('\\', '/'))
                    .filter(name -> !name.equals(FILE) && !manifest.files().containsKey(name))
                    .findFirst()
                    .ifPresent(name -> {
                        throw InvalidInputException.in(manifestFile, "file '" + name + "' is not in the manifest");
                    });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return manifest;
    }

    /** Resolves a manifest entry, refusing absolute paths and any path that leaves the package. */
    static Path safeResolve(Path root, String name, Path manifestFile) {
        if (name.isEmpty() || name.startsWith("/") || name.contains("\\") || name.contains(":")
                || Stream.of(name.split("/")).anyMatch(part -> part.equals("..") || part.equals(".") || part.isEmpty())) {
            throw InvalidInputException.in(manifestFile, "unsafe path '" + name + "' in manifest");
        }
        Path resolved = root.resolve(name).normalize();
        if (!resolved.startsWith(root)) {
            throw InvalidInputException.in(manifestFile, "path '" + name + "' leaves the package folder");
        }
        return resolved;
    }
}
