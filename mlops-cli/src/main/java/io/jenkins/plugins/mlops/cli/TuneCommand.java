package io.jenkins.plugins.mlops.cli;

import io.jenkins.plugins.mlops.contract.InvalidInputException;
import io.jenkins.plugins.mlops.tune.TuneSpec;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "tune", mixinStandardHelpOptions = true,
        description = "Search the hyperparameters of the spec's 'tune' section (grid, random, halving, tpe) with"
                + " parallel trials, or one shard of the search; writes tune.json/.html and best-spec.yaml.",
        subcommands = {TuneCommand.Select.class})
final class TuneCommand extends StepCommand {
    @Option(names = "--spec", paramLabel = "FILE", description = "Training spec with a 'tune' section.")
    Path specFile;

    @Option(names = "--data", paramLabel = "FILE", description = "Training data (CSV).")
    Path data;

    @Option(names = "--parallelism", defaultValue = "0", paramLabel = "N",
            description = "Trials at once, each on one BLAS thread (0, the default: one per core).")
    int parallelism;

    @Option(names = "--shard", defaultValue = "1/1", paramLabel = "I/N",
            description = "Run only shard I of N (grid and random searches); merge with 'mlops tune select'.")
    String shard;

    @Override
    TuneSpec spec() {
        String[] parts = shard.split("/");
        int i;
        int n;
        try {
            i = Integer.parseInt(parts[0]);
            n = Integer.parseInt(parts[1]);
        } catch (RuntimeException e) {
            throw new InvalidInputException("--shard must be I/N, e.g. 2/4 (got " + shard + ")");
        }
        if (parts.length != 2) {
            throw new InvalidInputException("--shard must be I/N with 1 <= I <= N (got " + shard + ")");
        }
        return TuneSpec.search(specFile, data, parallelism == 0 ? Runtime.getRuntime().availableProcessors()
                : parallelism, i, n);
    }

    @Command(name = "select", mixinStandardHelpOptions = true,
            description = "Merge the trials of several tune shards (their tune.json or folders) and pick the best.")
    static final class Select extends StepCommand {
        @Option(names = "--results", required = true, arity = "1..*", paramLabel = "PATH",
                description = "tune.json files, or folders holding one.")
        List<Path> results;

        @Override
        TuneSpec spec() {
            return TuneSpec.merge(results);
        }
    }
}
