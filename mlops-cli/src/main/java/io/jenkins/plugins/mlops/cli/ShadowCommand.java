package io.jenkins.plugins.mlops.cli;

import io.jenkins.plugins.mlops.serving.ShadowSpec;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "shadow", mixinStandardHelpOptions = true,
        description = "How a shadow model would have answered the requests the primary answered: agreement rate, and"
                + " both models' accuracy where feedback brought the ground truth. Exit 1 below --min-agreement.")
final class ShadowCommand extends StepCommand {
    @Option(names = "--log", required = true, paramLabel = "DIR", description = "The server's prediction log folder.")
    Path log;

    @Option(names = "--model", required = true, paramLabel = "NAME", description = "The model name.")
    String model;

    @Option(names = "--shadow", required = true, paramLabel = "VERSION", description = "The shadow's version.")
    String shadow;

    @Option(names = "--min-agreement", defaultValue = "0.0", paramLabel = "SHARE",
            description = "Smallest acceptable agreement, 0..1 (default ${DEFAULT-VALUE}: report only).")
    double minAgreement;

    @Mixin
    RegistryLocation location;

    @Override
    ShadowSpec spec() {
        return new ShadowSpec(log, model, shadow, minAgreement, location.home());
    }
}
