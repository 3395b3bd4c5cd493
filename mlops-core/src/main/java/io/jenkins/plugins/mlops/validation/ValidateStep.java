package io.jenkins.plugins.mlops.validation;

import io.jenkins.plugins.mlops.contract.Check;
import io.jenkins.plugins.mlops.contract.CheckStatus;
import io.jenkins.plugins.mlops.contract.InvalidInputException;
import io.jenkins.plugins.mlops.contract.Json;
import io.jenkins.plugins.mlops.contract.Provenance;
import io.jenkins.plugins.mlops.contract.Stage;
import io.jenkins.plugins.mlops.contract.StepResult;
import io.jenkins.plugins.mlops.data.ColumnProfile;
import io.jenkins.plugins.mlops.data.CsvScanner;
import io.jenkins.plugins.mlops.data.Table;
import io.jenkins.plugins.mlops.profile.RowSample;
import io.jenkins.plugins.mlops.profile.SavedProfile;
import io.jenkins.plugins.mlops.data.MissingValues;
import io.jenkins.plugins.mlops.data.Sha256;
import io.jenkins.plugins.mlops.drift.ColumnDrift;
import io.jenkins.plugins.mlops.drift.DriftDetector;
import io.jenkins.plugins.mlops.drift.DriftReports;
import io.jenkins.plugins.mlops.drift.DriftSamples;
import io.jenkins.plugins.mlops.report.HtmlReport;
import io.jenkins.plugins.mlops.report.HtmlTable;
import io.jenkins.plugins.mlops.stage.StageExecutor;
import io.jenkins.plugins.mlops.stage.StageOutput;
import io.jenkins.plugins.mlops.stage.StageRunner;
import io.jenkins.plugins.mlops.report.Svg;
import io.jenkins.plugins.mlops.schema.Field;
import io.jenkins.plugins.mlops.schema.Schema;
import io.jenkins.plugins.mlops.schema.Severity;
import io.jenkins.plugins.mlops.schema.SchemaInference;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/** The {@code validation} step: schema check, column profiles and drift versus a reference. */
public final class ValidateStep extends StageExecutor<ValidateSpec> {
    public static final String STEP = Stage.VALIDATE.result();
    /** The inferred schema, written when none was given. */
    public static final String SCHEMA_FILE = "schema.json";

    public ValidateStep() {
        super(Stage.VALIDATE, ValidateSpec.class);
    }

    @Override
    public StageOutput execute(ValidateSpec spec) {
        // Read every input before writing anything: a bad input leaves the output folder untouched.
        Schema given = spec.schema() == null ? null : Schema.read(spec.schema());
        MissingValues missing = spec.missingValues() != null ? spec.missingValues()
                : given != null ? given.missing() : MissingValues.DEFAULT;
        CsvScanner scanner = new CsvScanner(missing, spec.allowShortRows(), spec.threads());
        SavedProfile savedReference = spec.reference() != null && SavedProfile.isProfile(spec.reference())
                ? SavedProfile.read(spec.reference()) : null;
        Schema schema = given != null ? given : savedReference != null ? savedReference.schema() : null;
        if (schema == null) {
            schema = scanner.scan(spec.reference() != null ? spec.reference() : spec.data(), SchemaInference::new)
                    .sink().schema();
            if (!missing.equals(MissingValues.DEFAULT)) {
                schema = schema.withMissingValues(missing);
            }
        }
        Schema contract = schema;
        RowSample.Shared dataSample = new RowSample.Shared(spec.sampleSize());
        // the data's digest, for the gate's provenance check: read beside the scan, not after it
        CompletableFuture<String> dataDigest = CompletableFuture.supplyAsync(() -> Sha256.of(spec.data()));
        CsvScanner.Result<ValidationPass> data = scanner.scan(spec.data(),
                columns -> new ValidationPass(contract, columns, dataSample));
        String dataSha256 = join(dataDigest);
        Reference reference = reference(spec, scanner, savedReference);
        Table referenceSample = reference.sample();
        long rows = data.rows();
        List<String> header = data.columns();

        Table sample = data.sink().sample(spec.data().getFileName().toString());
        List<Anomaly> anomalies = new ArrayList<>(data.sink().anomalies(sample));
        anomalies.addAll(fileAnomalies(data, schema, reference.rows()));
        List<ColumnProfile> columns = data.sink().profiles();
        if (spec.label() != null && !header.contains(spec.label())) {
            throw InvalidInputException.at(spec.data(), 1, 0, "label column '" + spec.label() + "' is not in the data"
                    + " (columns: " + header + ")");
        }
        Exploration exploration = Exploration.of(sample, schema, spec.label());
        List<ColumnDrift> drift = referenceSample == null ? List.of()
                : new DriftDetector(spec.drift()).compare(DriftSamples.of(schema, referenceSample, sample));

        List<Check> checks = checks(schema, rows, anomalies, drift);
        long errorCount = anomalies.stream().filter(a -> a.severity() == Severity.ERROR).count();
        long warningCount = anomalies.size() - errorCount;
        String summary = String.format(Locale.ROOT, "%d rows × %d columns of %s checked against %s: %d %s, %d %s%s.",
                rows, header.size(), spec.data().getFileName(),
                given != null ? "schema " + spec.schema().getFileName() : "a schema inferred from the "
                        + (spec.reference() != null ? "reference" : "data"),
                errorCount, errorCount == 1 ? "error" : "errors", warningCount, warningCount == 1 ? "warning" : "warnings",
                referenceSample == null ? "" : "; " + DriftReports.drifted(drift) + " of " + drift.size()
                        + " columns drifted versus " + spec.reference().getFileName());
        StepResult result = StepResult.fromChecks(STEP, summary, checks)
                .with("rows", rows)
                .with("schemaInferred", given == null)
                .with("anomalies", anomalies)
                .with("columns", columns)
                .with("drift", drift)
                .with("driftedShare", drift.isEmpty() ? null : (double) DriftReports.drifted(drift) / drift.size())
                .with("exploration", exploration)
                .with(Provenance.SECTION, new Provenance(new Provenance.DataFile(spec.data().getFileName().toString(),
                        dataSha256), null, null));
        HtmlReport report = report(result, anomalies, columns, drift);
        exploration.render(report);
        StageOutput output = StageOutput.of(result, report);
        if (given == null) {
            output.withFile(Path.of(SCHEMA_FILE), Json.document(schema));
            result.withArtifact(SCHEMA_FILE);
        }
        if (spec.saveProfile() != null) {
            output.withFile(spec.saveProfile(), new SavedProfile(SavedProfile.FORMAT,
                    spec.data().getFileName().toString(), dataSha256, rows, schema, columns, sample.columns(),
                    IntStream.range(0, sample.rowCount()).mapToObj(sample::row).toList(),
                    IntStream.range(0, sample.rowCount()).mapToLong(sample::line).toArray()).bytes());
        }
        return output;
    }

    /** The reference's row count and row sample ({@code -1} and null without a reference). */
    private record Reference(long rows, Table sample) {
    }

    /** Re-read from its CSV (only its row count and a sample: no checks or sketches), or from a saved profile. */
    private static Reference reference(ValidateSpec spec, CsvScanner scanner, SavedProfile saved) {
        if (saved != null) {
            return new Reference(saved.rows(), saved.sample());
        }
        if (spec.reference() == null) {
            return new Reference(-1, null);
        }
        RowSample.Shared sharedSample = new RowSample.Shared(spec.sampleSize());
        CsvScanner.Result<RowSample> reference = scanner.scan(spec.reference(), columns -> sharedSample.newSample());
        return new Reference(reference.rows(), reference.sink().toTable(spec.reference().getFileName().toString(),
                reference.columns()));
    }

    /** Anomalies of the file as a whole: its row count against the reference's, rows that end early. */
    private static List<Anomaly> fileAnomalies(CsvScanner.Result<ValidationPass> data, Schema schema, long referenceRows) {
        List<Anomaly> anomalies = new ArrayList<>();
        long rows = data.rows();
        if (referenceRows > 0 && schema.maxRowCountChange() != null) {
            double change = Math.abs(rows - referenceRows) / (double) referenceRows;
            if (change > schema.maxRowCountChange()) {
                anomalies.add(new Anomaly(null, "row_count_change", Severity.WARNING, rows, String.format(Locale.ROOT,
                        "The file has %d rows, the reference %d: a change of %.0f %%, more than the %.0f %% the schema"
                                + " allows (mlops:maxRowCountChange).", rows, referenceRows, 100 * change,
                        100 * schema.maxRowCountChange()), List.of()));
            }
        }
        if (data.shortRows() > 0) {
            long n = data.shortRows();
            anomalies.add(new Anomaly(null, "short_rows", Severity.WARNING, n, n + (n == 1 ? " row has" : " rows have")
                    + " fewer fields than the header; the omitted trailing fields were read as missing.",
                    data.shortRowLines().stream().map(line -> new Anomaly.Example(line, "")).toList()));
        }
        return anomalies;
    }

    /** One check for the row count, one per schema field, one per other anomaly, one per drift test. */
    private static List<Check> checks(Schema schema, long rows, List<Anomaly> anomalies, List<ColumnDrift> drift) {
        List<Check> checks = new ArrayList<>();
        checks.add(Check.of("rows", rows > 0, rows, "> 0",
                rows > 0 ? "The file has " + rows + " data rows." : "The file has no data rows."));
        for (Field field : schema.fields()) {
            List<Anomaly> mine = anomalies.stream().filter(a -> field.name().equals(a.column())).toList();
            long errors = mine.stream().filter(a -> a.severity() == Severity.ERROR).mapToLong(Anomaly::count).sum();
            String reason = mine.isEmpty() ? "All " + rows + " values conform to the schema ("
                    + field.type().jsonName() + ")." : mine.stream().map(Anomaly::message).collect(Collectors.joining(" "));
            checks.add(new Check("schema:" + field.name(), errors > 0 ? CheckStatus.FAILED : CheckStatus.PASSED, errors,
                    "0 invalid values", reason));
        }
        for (Anomaly a : anomalies) {
            if (a.column() == null || schema.field(a.column()).isEmpty()) {
                checks.add(new Check(a.kind() + (a.column() == null ? "" : ":" + a.column()),
                        a.severity() == Severity.ERROR ? CheckStatus.FAILED : CheckStatus.WARNING, a.count(), null,
                        a.message()));
            }
        }
        checks.addAll(DriftReports.checks("drift:", drift));
        return checks;
    }

    private static String join(CompletableFuture<String> digest) {
        try {
            return digest.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
    }

    static HtmlReport report(StepResult result, List<Anomaly> anomalies, List<ColumnProfile> columns,
                             List<ColumnDrift> drift) {
        HtmlReport report = HtmlReport.forResult("Data validation", result);
        report.section("Anomalies");
        if (anomalies.isEmpty()) {
            report.paragraph("No anomalies: every value conforms to the schema.");
        } else {
            HtmlTable table = new HtmlTable("Column", "Kind",
                    "Severity", "Count", "Message", "Examples (line: value)");
            for (Anomaly a : anomalies) {
                table.rowWithClass(a.severity() == Severity.ERROR ? "row-failed" : "row-warning", a.column(),
                        a.kind(), a.severity().name(), a.count(), a.message(), a.examples().stream()
                                .map(e -> e.line() + ": '" + e.value() + "'").collect(Collectors.joining(", ")));
            }
            report.table(table);
        }
        report.section("Columns");
        HtmlTable table = new HtmlTable("Column", "Type",
                "Count", "Missing", "Distinct", "Min", "Max", "Mean", "Std dev", "Distribution");
        for (ColumnProfile p : columns) {
            String chart;
            if (p.histogram() != null) {
                chart = Svg.sparkline(p.histogram().counts(), p.name() + " histogram");
            } else if (p.topValues() != null && !p.topValues().isEmpty()) {
                chart = Svg.sparkline(p.topValues().values().stream().mapToLong(Long::longValue).toArray(),
                        p.name() + " top values: " + String.join(", ", p.topValues().keySet()));
            } else {
                chart = "";
            }
            table.row(p.name(), p.type(), p.count(), p.missing(), p.distinct(), p.min(), p.max(), p.mean(), p.stddev(),
                    new HtmlTable.Markup(chart));
        }
        report.table(table);
        if (!drift.isEmpty()) {
            DriftReports.render(report, "Drift versus the reference", drift);
        }
        return report;
    }
}
