package io.jenkins.plugins.mlops.cli;

import io.jenkins.plugins.mlops.contract.Json;
import io.jenkins.plugins.mlops.data.CsvScanner;
import io.jenkins.plugins.mlops.data.MissingValues;
import io.jenkins.plugins.mlops.report.StepOutputWriter;
import io.jenkins.plugins.mlops.schema.Schema;
import io.jenkins.plugins.mlops.schema.SchemaInference;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "schema", mixinStandardHelpOptions = true,
        description = "Schema contracts (Frictionless Table Schema JSON).",
        subcommands = {SchemaCommand.Infer.class})
final class SchemaCommand extends CommandGroup {
    @Command(name = "infer", mixinStandardHelpOptions = true,
            description = "Infer a schema from all values of a CSV file: types, required, ranges with 10 %% slack,"
                    + " enums for small string domains, the allowed missing share. Review it, then commit it as the"
                    + " data contract that `mlops validate --schema` checks.")
    static final class Infer implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--data", required = true, paramLabel = "FILE", description = "CSV file with a header row.")
        Path data;

        @Option(names = "--out", required = true, paramLabel = "FILE", description = "Schema file to write (JSON).")
        Path out;

        @Option(names = "--missing-values", paramLabel = "LIST",
                description = "Comma-separated strings that mean 'missing' (default: empty, NA, N/A, null, NULL).")
        String missingValues;

        @Option(names = "--allow-short-rows", description = "Read rows with omitted trailing fields as missing values.")
        boolean allowShortRows;

        @Override
        public Integer call() throws Exception {
            MissingValues missing = missingValues == null ? MissingValues.DEFAULT : MissingValues.parse(missingValues);
            // streamed in parallel chunks, O(columns) memory: a file of any size fits the default heap
            Schema schema = new CsvScanner(missing, allowShortRows, Runtime.getRuntime().availableProcessors())
                    .scan(data, SchemaInference::new).sink().schema();
            if (missingValues != null) {
                schema = schema.withMissingValues(missing);
            }
            StepOutputWriter.writeAtomically(out, Json.JSON.writeValueAsString(schema) + "\n");
            spec.commandLine().getOut().println("wrote " + out + ": " + schema.fields().size() + " fields inferred from "
                    + data.getFileName());
            return 0;
        }
    }
}
