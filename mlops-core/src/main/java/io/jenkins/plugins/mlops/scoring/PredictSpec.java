package io.jenkins.plugins.mlops.scoring;

import io.jenkins.plugins.mlops.contract.InvalidInputException;
import io.jenkins.plugins.mlops.drift.DriftConfig;
import io.jenkins.plugins.mlops.registry.ModelRef;
import java.nio.file.Path;

/**
 * The batch-scoring stage's parameters, checked before anything is read.
 *
 * @param data the rows to score (CSV with a header)
 * @param model a model package folder or zip; or
 * @param version a registered model ({@code NAME}, {@code NAME@VERSION} or {@code NAME@ALIAS}) of
 * @param registry the registry folder
 * @param predictions the CSV to write: the input columns plus the prediction columns
 * @param drift the thresholds of the prediction drift against the training reference
 */
public record PredictSpec(Path data, Path model, String version, Path registry, Path predictions, DriftConfig drift) {
    public PredictSpec {
        if (data == null) {
            throw new InvalidInputException("give the rows to score (--data)");
        }
        if ((model == null) == (version == null)) {
            throw new InvalidInputException("give either a model package (--model DIR) or a registered version"
                    + " (--model NAME@VERSION)");
        }
        if (version != null) {
            ModelRef.parse(version);
            if (registry == null) {
                throw new InvalidInputException("a registered version needs the registry (--registry or MLOPS_HOME)");
            }
        }
        if (predictions == null) {
            throw new InvalidInputException("give the predictions file to write (--predictions)");
        }
        if (predictions.normalize().equals(data.normalize())) {
            throw new InvalidInputException("--predictions would overwrite the data being scored: " + data);
        }
    }
}
