package io.jenkins.plugins.mlops.cli;

import io.jenkins.plugins.mlops.train.TrainInputs;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Train a DL4J MLP from a YAML spec; writes the model package to DIR/model and the hold-out rows"
                + " to DIR/holdout.csv.")
final class TrainCommand extends StepCommand {
    @Option(names = "--spec", required = true, paramLabel = "FILE", description = "Training spec (YAML).")
    Path specFile;

    @Option(names = "--data", required = true, paramLabel = "FILE", description = "Training data (CSV with header).")
    Path data;

    @Override
    TrainInputs spec() {
        return new TrainInputs(specFile, data);
    }
}
