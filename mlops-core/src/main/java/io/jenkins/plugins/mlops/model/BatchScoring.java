package io.jenkins.plugins.mlops.model;

import io.jenkins.plugins.mlops.contract.InvalidInputException;
import io.jenkins.plugins.mlops.data.CsvReader;
import io.jenkins.plugins.mlops.data.Table;
import io.jenkins.plugins.mlops.report.StepOutputWriter;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Scores a CSV with a model package (verified first), in batches, through exactly the preprocessing
 * that serving uses, and writes the input columns plus {@code prediction} (and {@code probability}
 * and one {@code p(<class>)} per class for classifiers), the whole file at once.
 */
public final class BatchScoring {
    private BatchScoring() {
    }

    /** How many rows of which model were scored. */
    public record Result(int rows, String model) {
    }

    public static Result score(Path modelDir, Path data, Path out) throws IOException {
        Table table = new CsvReader().read(data);
        try (PackagedModel packaged = PackagedModel.load(modelDir)) {
            List<String> missing = packaged.preprocessor().featureNames().stream().filter(f -> !table.hasColumn(f))
                    .toList();
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
                    printer.printRecord(row(table.row(r), predictions.get(r), classes.isEmpty()));
                }
            }
            // whole file at once: a failure leaves no half-written predictions
            StepOutputWriter.writeAtomically(out, csv.toString());
            return new Result(table.rowCount(), packaged.info().name());
        }
    }

    private static List<String> row(String[] values, Prediction p, boolean regression) {
        List<String> row = new ArrayList<>();
        for (String v : values) {
            row.add(v == null ? "" : v);
        }
        if (regression) {
            row.add(String.valueOf(p.value()));
        } else {
            row.add(p.label());
            row.add(String.valueOf(p.value()));
            for (double probability : p.probabilities()) {
                row.add(String.valueOf(probability));
            }
        }
        return row;
    }
}
