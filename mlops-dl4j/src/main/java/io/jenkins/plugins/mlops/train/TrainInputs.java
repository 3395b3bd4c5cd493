package io.jenkins.plugins.mlops.train;

import io.jenkins.plugins.mlops.contract.InvalidInputException;
import java.nio.file.Path;

/**
 * The train stage's spec: the training spec (YAML, read and checked by {@link TrainSpec}) and the
 * labelled rows it trains on.
 */
public record TrainInputs(Path spec, Path data) {
    public TrainInputs {
        if (spec == null || data == null) {
            throw new InvalidInputException("training needs a spec (--spec) and data (--data)");
        }
    }
}
