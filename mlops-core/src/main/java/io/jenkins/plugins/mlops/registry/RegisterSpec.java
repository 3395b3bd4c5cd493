package io.jenkins.plugins.mlops.registry;

import java.nio.file.Path;

/**
 * A registration, checked before the package is read.
 *
 * @param registry the registry folder
 * @param model the model package folder
 * @param name the registered model's name
 * @param user who registers it
 * @param alias an alias to point at the new version (e.g. staging); may be null
 * @param parent the version it derives from or replaces ({@code NAME@VERSION} or an alias); may be null
 */
public record RegisterSpec(Path registry, Path model, String name, String user, String alias, String parent) {
    public RegisterSpec {
        ModelRef.checkName(name);
        if (parent != null) {
            ModelRef.parse(parent);
        }
    }
}
