package io.jenkins.plugins.mlops.serving;

import io.jenkins.plugins.mlops.contract.InvalidInputException;
import io.jenkins.plugins.mlops.registry.ModelRef;
import java.nio.file.Path;

/**
 * A shadow comparison, checked before the log is read.
 *
 * @param log the server's prediction log folder
 * @param model the model's name; {@code shadow} the version that answered in the shadow
 * @param minAgreement below it the shadow's check fails (it would change too many answers)
 * @param registry the registry whose versions name the models' digests; may be null
 */
public record ShadowSpec(Path log, String model, String shadow, double minAgreement, Path registry) {
    public ShadowSpec {
        ModelRef.checkName(model);
        if (!(minAgreement >= 0 && minAgreement <= 1)) {
            throw new InvalidInputException("--min-agreement must be a share from 0 to 1 (got " + minAgreement + ")");
        }
    }
}
