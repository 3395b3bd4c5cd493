package io.jenkins.plugins.mlops.scoring;

import io.jenkins.plugins.mlops.contract.Check;
import io.jenkins.plugins.mlops.contract.CheckStatus;
import io.jenkins.plugins.mlops.contract.InvalidInputException;
import io.jenkins.plugins.mlops.contract.Provenance;
import io.jenkins.plugins.mlops.contract.Stage;
import io.jenkins.plugins.mlops.contract.StepResult;
import io.jenkins.plugins.mlops.data.CsvRow;
import io.jenkins.plugins.mlops.data.CsvScanner;
import io.jenkins.plugins.mlops.data.MissingValues;
import io.jenkins.plugins.mlops.data.RowSink;
import io.jenkins.plugins.mlops.data.Sha256;
import io.jenkins.plugins.mlops.data.Table;
import io.jenkins.plugins.mlops.drift.ColumnDrift;
import io.jenkins.plugins.mlops.drift.DriftDetector;
import io.jenkins.plugins.mlops.drift.DriftReports;
import io.jenkins.plugins.mlops.drift.DriftSamples;
import io.jenkins.plugins.mlops.drift.DriftVerdict;
import io.jenkins.plugins.mlops.model.PackagedModel;
import io.jenkins.plugins.mlops.model.Prediction;
import io.jenkins.plugins.mlops.registry.PackageSource;
import io.jenkins.plugins.mlops.report.HtmlReport;
import io.jenkins.plugins.mlops.report.Svg;
import io.jenkins.plugins.mlops.report.StepOutputWriter;
import io.jenkins.plugins.mlops.stage.StageExecutor;
import io.jenkins.plugins.mlops.stage.StageOutput;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The {@code predict} stage: scores a CSV with a model package or a registered version (verified
 * first), streaming (rows are read, scored in batches through the preprocessing serving uses and
 * written out; memory holds a batch and the drift sample, not the file), and compares the
 * predictions, and the inputs behind them, with the model's answers on its training reference.
 * Prediction drift fails the stage: the model answers this batch unlike the data it was trained
 * for. Input drift alone only warns, naming the columns that explain it.
 */
public final class PredictStep extends StageExecutor<PredictSpec> {
    public static final String STEP = Stage.PREDICT.result();
    /** Rows scored at once: the network's batch, as in serving. */
    static final int BATCH = 1024;
    /**
     * Rows kept (uniformly, by reservoir sampling with a fixed seed: the same file gives the same
     * report) for the drift comparison; more would only make the tests see effects below the floors.
     */
    static final int SAMPLE = 20_000;
    private static final long SEED = 20_261_202L;

    public PredictStep() {
        super(Stage.PREDICT, PredictSpec.class);
    }

    /** What was scored, and the drift sample of features and predictions. */
    record Scored(long rows, Map<String, Long> predictionCounts, Table sample) {
    }

    @Override
    public StageOutput execute(PredictSpec spec) {
        PackageSource.Resolved source = spec.model().resolve();
        try (PackagedModel model = PackagedModel.load(source.dir())) {
            Scored scored = score(model, spec.data(), spec.predictions());
            DriftSamples.Reference reference = ScoredReference.of(model);
            List<ColumnDrift> drift = reference == null ? List.of()
                    : new DriftDetector(spec.drift()).compare(reference.against(scored.sample()));
            return output(spec, source.name(), model, scored, drift);
        }
    }

    private static Scored score(PackagedModel model, Path data, Path predictions) {
        try {
            AtomicReference<CsvScanner.Result<ScoringSink>> scan = new AtomicReference<>();
            StepOutputWriter.writeAtomically(predictions, out -> {
                Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
                CSVPrinter printer = new CSVPrinter(writer, CSVFormat.RFC4180.builder().setRecordSeparator('\n').get());
                // one thread: one sink sees every row in file order, so the output keeps the input's order
                scan.set(new CsvScanner(MissingValues.DEFAULT, false, 1)
                        .scan(data, columns -> new ScoringSink(model, data, columns, printer)));
                if (scan.get().rows() == 0) {
                    throw InvalidInputException.in(data, "has a header but no rows to score");
                }
                scan.get().sink().flush();
                printer.flush();
            });
            ScoringSink sink = scan.get().sink();
            return new Scored(scan.get().rows(), sink.counts, new Table("batch", ScoredReference.columns(model),
                    sink.sample, new long[sink.sample.size()]));
        } catch (IOException e) {
            throw InvalidInputException.in(predictions, "cannot write: " + e.getMessage());
        }
    }

    /** Reads rows, scores them a batch at a time, writes each row with its prediction, samples for drift. */
    static final class ScoringSink implements RowSink<ScoringSink> {
        private final PackagedModel model;
        private final CSVPrinter printer;
        private final int[] featureColumns;
        private final boolean classifier;
        private final List<String[]> inputs = new ArrayList<>(BATCH);
        private final List<String[]> features = new ArrayList<>(BATCH);
        private final List<String[]> sample = new ArrayList<>();
        private final Map<String, Long> counts = new TreeMap<>();
        private final SplittableRandom random = new SplittableRandom(SEED);
        private long seen;

        ScoringSink(PackagedModel model, Path data, List<String> columns, CSVPrinter printer) {
            this.model = model;
            this.printer = printer;
            List<String> names = model.preprocessor().featureNames();
            List<String> missing = names.stream().filter(f -> !columns.contains(f)).toList();
            if (!missing.isEmpty()) {
                throw InvalidInputException.at(data, 1, 0, "the model needs columns " + missing + " that the file lacks");
            }
            featureColumns = names.stream().mapToInt(columns::indexOf).toArray();
            classifier = !model.info().classes().isEmpty();
            List<String> header = new ArrayList<>(columns);
            header.add(ScoredReference.PREDICTION);
            if (classifier) {
                header.add("probability");
                model.info().classes().forEach(c -> header.add("p(" + c + ")"));
            }
            print(header);
        }

        @Override
        public void accept(CsvRow row) {
            String[] input = new String[row.width()];
            for (int c = 0; c < input.length; c++) {
                input[c] = row.field(c).toString();
            }
            String[] raw = new String[featureColumns.length];
            for (int f = 0; f < raw.length; f++) {
                raw[f] = row.value(featureColumns[f]);
            }
            inputs.add(input);
            features.add(raw);
            if (inputs.size() == BATCH) {
                flush();
            }
        }

        @Override
        public void merge(ScoringSink later) {
            throw new IllegalStateException("batch scoring reads the file in one pass, in order");
        }

        void flush() {
            if (inputs.isEmpty()) {
                return;
            }
            List<Prediction> predictions = model.predict(features);
            for (int r = 0; r < inputs.size(); r++) {
                Prediction p = predictions.get(r);
                List<String> out = new ArrayList<>(List.of(inputs.get(r)));
                if (classifier) {
                    out.add(p.label());
                    out.add(String.valueOf(p.value()));
                    for (double probability : p.probabilities()) {
                        out.add(String.valueOf(probability));
                    }
                    counts.merge(p.label(), 1L, Long::sum);
                } else {
                    out.add(String.valueOf(p.value()));
                }
                print(out);
                keep(ScoredReference.withPrediction(model, features.get(r), p));
            }
            inputs.clear();
            features.clear();
        }

        /** Algorithm R: every row read so far is in the sample with the same chance. */
        private void keep(String[] row) {
            seen++;
            if (sample.size() < SAMPLE) {
                sample.add(row);
            } else {
                long slot = random.nextLong(seen);
                if (slot < SAMPLE) {
                    sample.set((int) slot, row);
                }
            }
        }

        private void print(List<String> record) {
            try {
                printer.printRecord(record);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static StageOutput output(PredictSpec spec, String name, PackagedModel model, Scored scored,
                                      List<ColumnDrift> drift) {
        ColumnDrift prediction = drift.stream().filter(d -> d.column().equals(ScoredReference.PREDICTION)).findFirst()
                .orElse(null);
        List<ColumnDrift> inputs = drift.stream().filter(d -> d != prediction).toList();
        List<Check> checks = new ArrayList<>();
        if (prediction == null) {
            checks.add(new Check("drift:prediction", CheckStatus.INSUFFICIENT_DATA, null, "a training reference",
                    "The model package has no reference rows to compare the predictions with."));
        } else {
            checks.addAll(DriftReports.checks("drift:", List.of(prediction)));
        }
        // input drift explains prediction drift; on its own the model may well absorb it
        for (Check c : DriftReports.checks("drift:", inputs)) {
            checks.add(c.status() == CheckStatus.FAILED
                    ? new Check(c.name(), CheckStatus.WARNING, c.value(), c.threshold(), c.reason()) : c);
        }
        List<String> driftedInputs = inputs.stream().filter(d -> d.verdict() == DriftVerdict.DRIFT)
                .map(ColumnDrift::column).toList();
        String summary = "Scored " + scored.rows() + " rows of " + spec.data().getFileName() + " with " + name + ": "
                + (prediction == null ? "no training reference to compare the predictions with"
                : prediction.verdict() == DriftVerdict.DRIFT ? "the predictions drifted from the model's answers on"
                + " its training reference" : "the predictions match the model's answers on its training reference")
                + (driftedInputs.isEmpty() ? "." : "; input drift in " + String.join(", ", driftedInputs) + ".");
        StepResult result = StepResult.fromChecks(STEP, summary, checks)
                .with("model", name)
                .with("data", spec.data().toString())
                .with("predictions", spec.predictions().toString())
                .with("rows", scored.rows())
                .with("sampleRows", scored.sample().rowCount())
                .with("predictionCounts", scored.predictionCounts().isEmpty() ? null : scored.predictionCounts())
                .with("drift", drift)
                .with(Provenance.SECTION, new Provenance(new Provenance.DataFile(spec.data().getFileName().toString(),
                        Sha256.of(spec.data())), null, model.digest(), null, null));
        return StageOutput.of(result, report(result, scored, prediction, drift));
    }

    private static HtmlReport report(StepResult result, Scored scored, ColumnDrift prediction,
                                     List<ColumnDrift> drift) {
        HtmlReport report = HtmlReport.forResult("Batch scoring", result);
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("model", result.getSections().get("model"));
        facts.put("data", result.getSections().get("data"));
        facts.put("rows scored", scored.rows());
        facts.put("predictions", result.getSections().get("predictions"));
        facts.put("rows compared for drift", scored.sample().rowCount() + (scored.sample().rowCount() < scored.rows()
                ? " (a uniform sample)" : " (all)"));
        report.section("Scoring").facts(facts);
        if (prediction != null) {
            report.section("Predictions against the training reference").figure(Svg.overlay(
                    prediction.bins().toArray(String[]::new), prediction.referenceShare(), prediction.currentShare(),
                    "predictions: training reference vs this batch"), "Share of predictions per "
                    + (scored.predictionCounts().isEmpty() ? "bin" : "class") + ": the model's answers on its training"
                    + " reference (grey) and on this batch (blue).");
            DriftReports.render(report, "Drift against the training reference", drift);
        }
        return report;
    }
}
