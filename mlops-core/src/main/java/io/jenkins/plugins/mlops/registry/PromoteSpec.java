package io.jenkins.plugins.mlops.registry;

import io.jenkins.plugins.mlops.contract.InvalidInputException;
import java.nio.file.Path;

/**
 * The promote stage's parameters: point {@code alias} at {@code version}, as {@code user}.
 *
 * @param version {@code NAME@VERSION} (or any reference: {@code NAME@staging} promotes what staging points at)
 */
public record PromoteSpec(Path registry, String version, String alias, String user) {
    public PromoteSpec {
        if (registry == null) {
            throw new InvalidInputException("give the registry (--registry or MLOPS_HOME)");
        }
        if (version == null || alias == null) {
            throw new InvalidInputException("give the version and the alias to point at it, e.g. churn@3 --alias"
                    + " production");
        }
        ModelRef.parse(version);
        ModelRef.checkName(alias);
        if (user == null || user.isBlank()) {
            throw new InvalidInputException("no user to record the promotion for: set MLOPS_USER or BUILD_USER_ID");
        }
    }
}
