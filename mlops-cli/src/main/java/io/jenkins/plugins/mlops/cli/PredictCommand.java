package io.jenkins.plugins.mlops.cli;

import io.jenkins.plugins.mlops.contract.InvalidInputException;
import io.jenkins.plugins.mlops.registry.PackageSource;
import io.jenkins.plugins.mlops.scoring.PredictSpec;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "predict", mixinStandardHelpOptions = true,
        description = "Score a CSV with a model package or a registered version (verified first), streaming, through"
                + " exactly the preprocessing that serving uses. Writes the input columns plus 'prediction' (and"
                + " 'probability' and one 'p(<class>)' per class for classifiers), and predict.json/.html with the"
                + " prediction drift against the model's training reference. Exit 1 when the predictions drifted.")
final class PredictCommand extends StepCommand {
    @Option(names = "--model", required = true, paramLabel = "DIR|REF",
            description = "Model package folder or zip, or a registered NAME[@VERSION|@ALIAS].")
    String model;

    @Option(names = "--data", required = true, paramLabel = "FILE", description = "Rows to score (CSV with a header).")
    Path data;

    @Option(names = "--predictions", paramLabel = "FILE",
            description = "Predictions CSV to write (default: predictions.csv in the --out folder).")
    Path predictions;

    @Mixin
    RegistryLocation location;

    @Mixin
    DriftOptions drift;

    @Override
    PredictSpec spec() {
        if (output.out.getFileName().toString().endsWith(".csv")) {
            throw new InvalidInputException("--out is the folder for the reports; give the predictions file with"
                    + " --predictions " + output.out);
        }
        Path file = predictions != null ? predictions : output.out.resolve("predictions.csv");
        return new PredictSpec(data, PackageSource.of(model, location.home()), file, drift.config());
    }
}
