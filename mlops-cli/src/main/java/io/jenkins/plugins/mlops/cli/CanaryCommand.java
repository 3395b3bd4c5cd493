package io.jenkins.plugins.mlops.cli;

import io.jenkins.plugins.mlops.serving.CanarySpec;
import io.jenkins.plugins.mlops.serving.CanaryStep;
import io.jenkins.plugins.mlops.serving.DeploySpec;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "canary", mixinStandardHelpOptions = true,
        description = "Compare a canary with the primary on the requests each answered (prediction distribution with"
                + " the drift statistics, p99 latency), then promote it, roll it back, or wait for more requests."
                + " Exit 0 promoted or waiting, 1 rolled back.")
final class CanaryCommand extends StepCommand {
    @Option(names = "--server", paramLabel = "URL", defaultValue = "${env:MLOPS_SERVER}",
            description = "The model server, e.g. http://127.0.0.1:8080 (default: $MLOPS_SERVER).")
    String server;

    @Option(names = "--model", required = true, paramLabel = "NAME", description = "The model name.")
    String model;

    @Option(names = "--primary", required = true, paramLabel = "VERSION", description = "The primary's version.")
    String primary;

    @Option(names = "--canary", required = true, paramLabel = "VERSION", description = "The canary's version.")
    String canary;

    @Option(names = "--log", required = true, paramLabel = "DIR", description = "The server's prediction log folder.")
    Path log;

    @Option(names = "--min-rows", defaultValue = "50", description = "Canary answers needed for a decision"
            + " (default ${DEFAULT-VALUE}).")
    int minRows;

    @Option(names = "--max-latency-ratio", defaultValue = "2.0", description = "Largest canary/primary p99 ratio"
            + " (default ${DEFAULT-VALUE}).")
    double maxLatencyRatio;

    @Mixin
    TokenFileOption tokenFile;

    @Mixin
    RegistryLocation location;

    @Override
    CanarySpec spec() {
        return new CanarySpec(DeploySpec.serverUrl(server), model, primary, canary, log, new CanaryStep.Policy(minRows,
                maxLatencyRatio), tokenFile.file, location.home());
    }
}
