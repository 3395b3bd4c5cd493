package io.jenkins.plugins.mlops.cli;

import io.jenkins.plugins.mlops.contract.InvalidInputException;
import io.jenkins.plugins.mlops.drift.DriftConfig;
import picocli.CommandLine.Option;

/** The drift thresholds, shared by validate and monitor; defaults and their reasons in DriftConfig. */
final class DriftOptions {
    @Option(names = "--drift-alpha", defaultValue = "0.05", paramLabel = "P",
            description = "Significance level after correction (default ${DEFAULT-VALUE}).")
    double alpha;

    @Option(names = "--drift-correction", defaultValue = "BENJAMINI_HOCHBERG", paramLabel = "METHOD",
            description = "Multiple-testing correction: ${COMPLETION-CANDIDATES} (default ${DEFAULT-VALUE}).")
    DriftConfig.Correction correction;

    @Option(names = "--drift-numeric-effect", defaultValue = "0.1", paramLabel = "X",
            description = "Effect floor for numbers: Wasserstein distance in reference standard deviations"
                    + " (default ${DEFAULT-VALUE}).")
    double numericEffect;

    @Option(names = "--drift-categorical-effect", defaultValue = "0.1", paramLabel = "X",
            description = "Effect floor for categories: Jensen-Shannon distance, 0..1 (default ${DEFAULT-VALUE}).")
    double categoricalEffect;

    @Option(names = "--drift-min-samples", defaultValue = "30", paramLabel = "N",
            description = "Fewer values on either side gives INSUFFICIENT_DATA (default ${DEFAULT-VALUE}).")
    int minSamples;

    DriftConfig config() {
        try {
            return new DriftConfig(alpha, numericEffect, categoricalEffect, minSamples, correction);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(e.getMessage());
        }
    }
}
