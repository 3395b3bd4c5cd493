package io.jenkins.plugins.mlops.cli;

import io.jenkins.plugins.mlops.contract.InvalidInputException;
import io.jenkins.plugins.mlops.data.CsvReader;
import io.jenkins.plugins.mlops.data.Table;
import io.jenkins.plugins.mlops.model.PackagedModel;
import io.jenkins.plugins.mlops.model.Prediction;
import io.jenkins.plugins.mlops.report.StepOutputWriter;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "predict", mixinStandardHelpOptions = true,
        description = "Score a CSV with a model package (verified first), in batches, through exactly the preprocessing"
                + " that serving uses. Writes the input columns plus 'prediction' (and 'probability' and one"
                + " 'p(<class>)' per class for classifiers).")
final class PredictCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--model", required = true, paramLabel = "DIR", description = "Model package folder.")
    Path model;

    @Option(names = "--data", required = true, paramLabel = "FILE", description = "Rows to score (CSV with a header).")
    Path data;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "Predictions CSV to write.")
    Path out;

    @Override
    public Integer call() throws IOException {
        Table table = new CsvReader().read(data);
        try (PackagedModel packaged = PackagedModel.load(model)) {
            List<String> missing = packaged.preprocessor().featureNames().stream().filter(f -> !table.hasColumn(f)).toList();
            if (!missing.isEmpty()) {
                throw InvalidInputException.at(data, 1, 0, "the model needs columns " + missing + " that the file lacks");
            }
            List<Prediction> predictions = packaged.predict(table);
            List<String> classes = packaged.info().classes();
            List<String> header = new ArrayList<>(table.columns());
            header.add("prediction");
            if (!classes.isEmpty()) {
                header.add("probability");
                classes.forEach(c -> header.add("p(" + c + ")"));
            }
            StringWriter csv = new StringWriter();
            try (CSVPrinter printer = new CSVPrinter(csv, CSVFormat.RFC4180.builder().setRecordSeparator('\n').get())) {
                printer.printRecord(header);
                for (int r = 0; r < table.rowCount(); r++) {
                    List<String> row = new ArrayList<>();
                    for (String v : table.row(r)) {
                        row.add(v == null ? "" : v);
                    }
                    Prediction p = predictions.get(r);
                    if (classes.isEmpty()) {
                        row.add(String.valueOf(p.value()));
                    } else {
                        row.add(p.label());
                        row.add(String.valueOf(p.value()));
                        for (double probability : p.probabilities()) {
                            row.add(String.valueOf(probability));
                        }
                    }
                    printer.printRecord(row);
                }
            }
            // whole file at once: a failure leaves no half-written predictions
            StepOutputWriter.writeAtomically(out, csv.toString());
            spec.commandLine().getOut().println("wrote " + table.rowCount() + " predictions of " + packaged.info().name()
                    + " to " + out);
        }
        return 0;
    }
}
