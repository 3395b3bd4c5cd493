package io.jenkins.plugins.mlops.cli;

import io.jenkins.plugins.mlops.contract.InvalidInputException;
import io.jenkins.plugins.mlops.data.MissingValues;
import io.jenkins.plugins.mlops.profile.RowSample;
import io.jenkins.plugins.mlops.validation.ValidateSpec;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Check a CSV file against a schema (or infer one), profile its columns and compare it with a"
                + " reference. Exit 1 when anomalies at error level or drift were found.")
final class ValidateCommand extends StepCommand {
    @Option(names = "--data", required = true, paramLabel = "FILE", description = "CSV file to validate.")
    Path data;

    @Option(names = "--schema", paramLabel = "FILE",
            description = "Frictionless Table Schema (JSON). Without it a schema is inferred and written to schema.json.")
    Path schema;

    @Option(names = "--reference", paramLabel = "FILE",
            description = "CSV file, or a profile saved with --save-profile (.json), to compare distributions with.")
    Path reference;

    @Option(names = "--save-profile", paramLabel = "FILE",
            description = "Save this file's schema, statistics and row sample (JSON) for later use as --reference.")
    Path saveProfile;

    @Option(names = "--allow-short-rows",
            description = "Read rows with fewer fields than the header (trailing fields omitted, as some exporters"
                    + " write them) as missing values, reported as a warning, instead of rejecting the file.")
    boolean allowShortRows;

    @picocli.CommandLine.Mixin
    DriftOptions drift;

    @Option(names = "--label", paramLabel = "COLUMN",
            description = "The label column: adds its distribution and the columns most associated with it to the"
                    + " report.")
    String label;

    @Option(names = "--threads", paramLabel = "N", defaultValue = "0",
            description = "Threads that read chunks of large files in parallel (0, the default: one per core).")
    int threads;

    @Option(names = "--missing-values", paramLabel = "LIST",
            description = "Comma-separated strings that mean 'missing' (an empty item is the empty field). Default: the"
                    + " schema's missingValues, else: empty, NA, N/A, null, NULL.")
    String missingValues;

    @Override
    ValidateSpec spec() {
        if (threads < 0) {
            throw new InvalidInputException("--threads must be 0 (one per core) or more");
        }
        return new ValidateSpec(data, schema, reference, allowShortRows,
                missingValues == null ? null : MissingValues.parse(missingValues), drift.config(),
                threads == 0 ? Runtime.getRuntime().availableProcessors() : threads, RowSample.DEFAULT_SIZE, label,
                saveProfile);
    }
}
