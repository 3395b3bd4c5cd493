package io.jenkins.plugins.mlops.cli;

import io.jenkins.plugins.mlops.registry.Registry;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The {@code --registry DIR} option every registry-backed command shares. */
final class RegistryLocation {
    @Option(names = "--registry", paramLabel = "DIR",
            description = "Registry (and audit log) folder (default: $MLOPS_HOME or .mlops).")
    Path home;

    Registry registry() {
        return RegistryCommand.registry(home);
    }

    /** The folder: the option's, else {@code $MLOPS_HOME}, else {@code .mlops}. */
    Path home() {
        return registry().home();
    }
}
