package io.jenkins.plugins.mlops.registry;

import io.jenkins.plugins.mlops.contract.InvalidInputException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A model package named as a stage's input: a package folder or zip, or a registered version
 * ({@code NAME}, {@code NAME@VERSION}, {@code NAME@ALIAS}) of a registry, resolved when the stage runs.
 *
 * @param path the package folder or zip; or
 * @param version the registered model
 * @param registry the registry folder of {@code version}
 */
public record PackageSource(Path path, String version, Path registry) {
    public PackageSource {
        if ((path == null) == (version == null)) {
            throw new IllegalArgumentException("a package source is a path or a registered version");
        }
        if (version != null) {
            ModelRef.parse(version);
            if (registry == null) {
                throw new InvalidInputException("the registered version " + version
                        + " needs the registry (--registry or MLOPS_HOME)");
            }
        }
    }

    /**
     * What a user typed: an existing file or folder is a package, anything else a registered
     * version; a missing path (a '/' or a '.zip') is refused as such, not as a bad model name.
     */
    public static PackageSource of(String given, Path registry) {
        Path asPath = Path.of(given);
        if (Files.exists(asPath)) {
            return new PackageSource(asPath, null, null);
        }
        if (given.contains("/") || given.contains("\\") || given.endsWith(".zip")) {
            throw InvalidInputException.in(asPath, "no model package there (nor a registered NAME@VERSION)");
        }
        return new PackageSource(null, given, registry);
    }

    /** The package's folder or zip, and the name reports give it (the version's ref, else the path). */
    public record Resolved(Path dir, String name) {
    }

    /** Looks the version up now (a stage resolves an alias once, when it runs). */
    public Resolved resolve() {
        if (path != null) {
            return new Resolved(path, path.toString());
        }
        Registry store = new Registry(registry);
        ModelVersion resolved = store.resolve(ModelRef.parse(version));
        return new Resolved(store.packageDir(resolved), resolved.ref());
    }
}
