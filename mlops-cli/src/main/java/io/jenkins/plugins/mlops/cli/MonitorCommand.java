package io.jenkins.plugins.mlops.cli;

import io.jenkins.plugins.mlops.monitor.MonitorSpec;
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
    MonitorSpec spec() {
        return new MonitorSpec(log, model, reference, window, drift.config());
    }
}
