package io.jenkins.plugins.mlops.evaluation;

import io.jenkins.plugins.mlops.registry.PackageSource;
import java.nio.file.Path;

/**
 * The test step's parameters.
 *
 * @param model the model package folder or archive
 * @param data the labelled rows (CSV)
 * @param suite the test suite (YAML); {@code null} for the task's defaults
 * @param baseline the model in production to compare with (a package or a registered version);
 *     {@code null} for none
 */
public record TestSpec(Path model, Path data, Path suite, PackageSource baseline) {
}
