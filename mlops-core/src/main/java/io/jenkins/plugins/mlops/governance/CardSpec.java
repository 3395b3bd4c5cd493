package io.jenkins.plugins.mlops.governance;

import io.jenkins.plugins.mlops.contract.InvalidInputException;
import io.jenkins.plugins.mlops.registry.ModelRef;
import java.nio.file.Path;

/**
 * The model-card stage's parameters.
 *
 * @param registry the registry holding the version, its package and the audit log of decisions on it
 * @param version {@code NAME@VERSION} or {@code NAME@ALIAS}
 * @param test the test step's {@code test.json} for this version (metrics, slices, importance); may be null
 */
public record CardSpec(Path registry, String version, Path test) {
    public CardSpec {
        if (registry == null) {
            throw new InvalidInputException("give the registry holding the version (--registry or MLOPS_HOME)");
        }
        if (version == null) {
            throw new InvalidInputException("give the version whose card to write, e.g. churn@3");
        }
        ModelRef.parse(version);
    }
}
