package io.jenkins.plugins.mlops.audit;

import io.jenkins.plugins.mlops.contract.InvalidInputException;
import java.nio.file.Path;

/** The audit stage's spec: the registry whose hash-chained audit log is verified. */
public record AuditSpec(Path registry) {
    public AuditSpec {
        if (registry == null) {
            throw new InvalidInputException("give the registry whose audit log to verify (--registry or MLOPS_HOME)");
        }
    }
}
