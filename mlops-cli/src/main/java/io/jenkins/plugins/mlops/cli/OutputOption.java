package io.jenkins.plugins.mlops.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The {@code --out DIR} option every step shares. */
final class OutputOption {
    @Option(names = "--out", paramLabel = "DIR", defaultValue = "mlops-out",
            description = "Folder for <step>.json, <step>.html and <step>-junit.xml (default: ${DEFAULT-VALUE}).")
    Path out;
}
