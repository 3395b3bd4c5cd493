package io.jenkins.plugins.mlops.cli;

import io.jenkins.plugins.mlops.contract.InvalidInputException;
import io.jenkins.plugins.mlops.contract.Json;
import io.jenkins.plugins.mlops.contract.StepResult;
import io.jenkins.plugins.mlops.data.CsvReader;
import io.jenkins.plugins.mlops.data.Table;
import io.jenkins.plugins.mlops.model.Manifest;
import io.jenkins.plugins.mlops.model.PackagedModel;
import io.jenkins.plugins.mlops.monitor.MonitorStep;
import io.jenkins.plugins.mlops.schema.Schema;
import io.jenkins.plugins.mlops.schema.SchemaInference;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "monitor", mixinStandardHelpOptions = true,
        description = "Input drift of the traffic a model server logged, window by window, versus the training"
                + " reference; recommends retraining. Exit 1 when a window drifted.")
final class MonitorCommand extends StepCommand {
    @Option(names = "--log", required = true, paramLabel = "PATH",
            description = "The server's predictions.jsonl, or its log folder (rotated files and feedback.jsonl too).")
    Path log;

    @Option(names = "--model", paramLabel = "DIR",
            description = "Model package: its training reference sample and input schema are the baseline.")
    Path model;

    @Option(names = "--reference", paramLabel = "FILE", description = "Reference CSV instead of the package's sample.")
    Path reference;

    @Option(names = "--window", defaultValue = "0", paramLabel = "ROWS",
            description = "Rows per window of consecutive predictions (0 = the whole log; default ${DEFAULT-VALUE}).")
    int window;

    @picocli.CommandLine.Mixin
    DriftOptions drift;

    @Override
    StepResult runStep(Path out) {
        if (model == null && reference == null) {
            throw new InvalidInputException("give --model (package with a reference sample) or --reference (CSV)");
        }
        if (window < 0) {
            throw new InvalidInputException("--window must be 0 or more rows");
        }
        if (model != null) {
            Manifest.verify(model);
        }
        Table ref = new CsvReader().read(reference != null ? reference : model.resolve(PackagedModel.REFERENCE_FILE));
        Schema schema = model != null ? Json.readJson(model.resolve(PackagedModel.INPUT_SCHEMA_FILE), Schema.class)
                : SchemaInference.infer(ref);
        return MonitorStep.run(log, ref, schema, window, drift.config(), out);
    }
}
