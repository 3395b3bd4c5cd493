package io.jenkins.plugins.mlops.serving;

import io.jenkins.plugins.mlops.contract.InvalidInputException;
import io.jenkins.plugins.mlops.registry.ModelRef;
import java.net.URI;
import java.nio.file.Path;

/**
 * A canary analysis, checked before the log is read.
 *
 * @param server the model server whose route the decision changes
 * @param model the model's name; {@code primary} and {@code canary} its two versions
 * @param log the server's prediction log folder
 * @param tokenFile the file holding the admin token; null: {@code $MLOPS_ADMIN_TOKEN}
 * @param registry the registry whose audit log records the decision and whose versions name the
 *     models' digests; may be null
 */
public record CanarySpec(URI server, String model, String primary, String canary, Path log, CanaryStep.Policy policy,
                         Path tokenFile, Path registry) {
    public CanarySpec {
        ModelRef.checkName(model);
        if (policy.minRows() < 1 || !(policy.maxLatencyRatio() > 0)) {
            throw new InvalidInputException("--min-rows must be 1 or more and --max-latency-ratio above 0");
        }
    }
}
