package io.jenkins.plugins.mlops.cli;

import io.jenkins.plugins.mlops.data.Sha256;
import io.jenkins.plugins.mlops.model.ModelArchive;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "package", mixinStandardHelpOptions = true,
        description = "Pack a verified model package folder into one reproducible zip (sorted entries, fixed"
                + " timestamps). test, predict, serve and registry register take the zip as they take the folder.")
final class PackageCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--model", required = true, paramLabel = "DIR", description = "Model package folder.")
    Path model;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "The zip to write.")
    Path out;

    @Override
    public Integer call() {
        ModelArchive.pack(model, out);
        spec.commandLine().getOut().println("wrote " + out + " sha256:" + Sha256.of(out));
        return 0;
    }
}
