package io.jenkins.plugins.mlops.serving;

import io.jenkins.plugins.mlops.registry.ModelVersion;
import io.jenkins.plugins.mlops.registry.Registry;
import java.nio.file.Path;

/** The package digest of a version a server answered with, as the registry it was deployed from records it. */
final class ServedVersions {
    private ServedVersions() {
    }

    /** {@code null} without a registry, or when it holds no such version (the result then names none). */
    static String digest(Path registry, String model, String version) {
        if (registry == null) {
            return null;
        }
        Registry store = new Registry(registry);
        return store.versions(model).stream().filter(v -> String.valueOf(v.version()).equals(version))
                .map(ModelVersion::packageDigest).findFirst().orElse(null);
    }
}
