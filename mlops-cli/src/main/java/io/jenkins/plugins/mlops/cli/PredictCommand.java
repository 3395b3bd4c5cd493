package io.jenkins.plugins.mlops.cli;

import io.jenkins.plugins.mlops.model.BatchScoring;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "predict", mixinStandardHelpOptions = true,
        description = "Score a CSV with a model package (verified first), in batches, through exactly the preprocessing"
                + " that serving uses. Writes the input columns plus 'prediction' (and 'probability' and one"
                + " 'p(<class>)' per class for classifiers).")
final class PredictCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--model", required = true, paramLabel = "DIR", description = "Model package folder.")
    Path model;

    @Option(names = "--data", required = true, paramLabel = "FILE", description = "Rows to score (CSV with a header).")
    Path data;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "Predictions CSV to write.")
    Path out;

    @Override
    public Integer call() throws IOException {
        BatchScoring.Result scored = BatchScoring.score(model, data, out);
        spec.commandLine().getOut().println("wrote " + scored.rows() + " predictions of " + scored.model() + " to " + out);
        return 0;
    }
}
