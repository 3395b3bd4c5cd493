package io.jenkins.plugins.mlops.registry;

import io.jenkins.plugins.mlops.model.Lineage;
import java.util.Map;

/**
 * {@code version.json} of one registered version.
 *
 * @param packageDigest SHA-256 of the package's manifest file: identifies the exact files
 * @param metrics the hold-out metrics recorded at training
 * @param parent the version this one was derived from or replaces (e.g. the production model it
 *     was tested against), when given
 */
public record ModelVersion(String name, int version, String registeredAt, String registeredBy, String task,
                           String packageDigest, Map<String, Double> metrics, Lineage lineage, String parent) {
    public String ref() {
        return name + "@" + version;
    }
}
