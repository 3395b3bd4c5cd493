package io.jenkins.plugins.mlops.scoring;

import io.jenkins.plugins.mlops.contract.InvalidInputException;
import io.jenkins.plugins.mlops.drift.DriftConfig;
import io.jenkins.plugins.mlops.registry.PackageSource;
import java.nio.file.Path;

/**
 * The batch-scoring stage's parameters, checked before anything is read.
 *
 * @param data the rows to score (CSV with a header)
 * @param model the model: a package folder or zip, or a registered version
 * @param predictions the CSV to write: the input columns plus the prediction columns
 * @param drift the thresholds of the prediction drift against the training reference
 */
public record PredictSpec(Path data, PackageSource model, Path predictions, DriftConfig drift) {
    public PredictSpec {
        if (data == null) {
            throw new InvalidInputException("give the rows to score (--data)");
        }
        if (model == null) {
            throw new InvalidInputException("give the model: a package (--model DIR) or a registered version"
                    + " (--model NAME@VERSION)");
        }
        if (predictions == null) {
            throw new InvalidInputException("give the predictions file to write (--predictions)");
        }
        if (predictions.normalize().equals(data.normalize())) {
            throw new InvalidInputException("--predictions would overwrite the data being scored: " + data);
        }
    }
}
