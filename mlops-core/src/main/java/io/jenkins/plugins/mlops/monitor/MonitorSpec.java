package io.jenkins.plugins.mlops.monitor;

import io.jenkins.plugins.mlops.contract.InvalidInputException;
import io.jenkins.plugins.mlops.drift.DriftConfig;
import java.nio.file.Path;

/**
 * The monitor step's parameters, checked before anything is read.
 *
 * @param log the server's predictions.jsonl, or its log folder
 * @param model the package whose training reference sample and input schema are the baseline; or
 * @param reference a reference CSV instead (its schema inferred)
 * @param window rows per window of consecutive predictions; 0 = the whole log
 */
public record MonitorSpec(Path log, Path model, Path reference, int window, DriftConfig drift) {
    public MonitorSpec {
        if (model == null && reference == null) {
            throw new InvalidInputException("give --model (package with a reference sample) or --reference (CSV)");
        }
        if (window < 0) {
            throw new InvalidInputException("--window must be 0 or more rows");
        }
    }
}
