package io.jenkins.plugins.mlops.scoring;

import io.jenkins.plugins.mlops.contract.Check;
import io.jenkins.plugins.mlops.contract.CheckStatus;
import io.jenkins.plugins.mlops.contract.InvalidInputException;
import io.jenkins.plugins.mlops.contract.Provenance;
import io.jenkins.plugins.mlops.contract.Stage;
import io.jenkins.plugins.mlops.contract.StepResult;
import io.jenkins.plugins.mlops.data.MissingValues;
import io.jenkins.plugins.mlops.data.Sha256;
import io.jenkins.plugins.mlops.data.Table;
import io.jenkins.plugins.mlops.data.TableBatches;
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
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.commons.csv.CSVFormat;

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
    /** Rows read, scored and written at a time. */
    static final int BATCH = 4096;
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
            AtomicReference<ScoringSink> sink = new AtomicReference<>();
            StepOutputWriter.writeAtomically(predictions, out -> {
                Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
                try (Pipeline scoring = new Pipeline()) {
                    TableBatches.readWithRecords(data, MissingValues.DEFAULT, BATCH,
                            columns -> sink.set(new ScoringSink(model, data, columns, writer)),
                            (batch, records) -> scoring.submit(() -> sink.get().score(batch, records)));
                    scoring.finish();
                }
                if (sink.get().seen == 0) {
                    throw InvalidInputException.in(data, "has a header but no rows to score");
                }
                writer.flush();
            });
            return new Scored(sink.get().seen, sink.get().counts, new Table("batch", ScoredReference.columns(model),
                    sink.get().sample, new long[sink.get().sample.size()]));
        } catch (IOException e) {
            throw InvalidInputException.in(predictions, "cannot write: " + e.getMessage());
        }
    }

    /**
     * Scores and writes batches on a second thread while this one reads the next: one thread, so batches are
     * written in file order, and at most {@value #IN_FLIGHT} waiting, so memory stays bounded by the batch.
     */
    private static final class Pipeline implements AutoCloseable {
        private static final int IN_FLIGHT = 2;
        private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "mlops-predict");
            t.setDaemon(true);
            return t;
        });
        private final ArrayDeque<Future<?>> pending = new ArrayDeque<>();

        void submit(Runnable batch) {
            while (pending.size() >= IN_FLIGHT) {
                await(pending.removeFirst());
            }
            pending.addLast(thread.submit(batch));
        }

        /** Waits for every batch; the first failure is thrown as the batch threw it. */
        void finish() {
            while (!pending.isEmpty()) {
                await(pending.removeFirst());
            }
        }

        private static void await(Future<?> batch) {
            try {
                batch.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while scoring", e);
            } catch (ExecutionException e) {
                if (e.getCause() instanceof RuntimeException r) {
                    throw r;
                }
                if (e.getCause() instanceof Error error) {
                    throw error;
                }
                throw new IllegalStateException(e.getCause());
            }
        }

        /** A failed read leaves no batch writing to the output that is being thrown away. */
        @Override
        public void close() {
            thread.shutdownNow();
            try {
                thread.awaitTermination(1, TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * Scores a batch of rows from its typed columns, writes each row as the file had it with its prediction
     * appended, and samples rows for drift.
     */
    static final class ScoringSink {
        private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setRecordSeparator('\n').get();
        private final PackagedModel model;
        private final Writer writer;
        private final boolean classifier;
        private final List<String[]> sample = new ArrayList<>();
        private final Map<String, Long> counts = new TreeMap<>();
        private final SplittableRandom random = new SplittableRandom(SEED);
        private final StringBuilder line = new StringBuilder(1024);
        private long seen;

        ScoringSink(PackagedModel model, Path data, List<String> columns, Writer writer) {
            this.model = model;
            this.writer = writer;
            List<String> names = model.preprocessor().featureNames();
            List<String> missing = names.stream().filter(f -> !columns.contains(f)).toList();
            if (!missing.isEmpty()) {
                throw InvalidInputException.at(data, 1, 0, "the model needs columns " + missing + " that the file lacks");
            }
            classifier = !model.info().classes().isEmpty();
            List<String> header = new ArrayList<>(columns);
            header.add(ScoredReference.PREDICTION);
            if (classifier) {
                header.add("probability");
                model.info().classes().forEach(c -> header.add("p(" + c + ")"));
            }
            try {
                FORMAT.printRecord(line, header.toArray());
                write();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        void score(Table batch, TableBatches.Records records) {
            List<Prediction> predictions = model.predict(batch);
            try {
                for (int r = 0; r < batch.rowCount(); r++) {
                    Prediction p = predictions.get(r);
                    records.append(r, line);
                    if (classifier) {
                        FORMAT.print(p.label(), line, false);
                        line.append(',').append(p.value());
                        for (double probability : p.probabilities()) {
                            line.append(',').append(probability);
                        }
                        counts.merge(p.label(), 1L, Long::sum);
                    } else {
                        line.append(',').append(p.value());
                    }
                    line.append('\n');
                    write();
                    keep(batch, r, p);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private void write() throws IOException {
            writer.append(line);
            line.setLength(0);
        }

        /** Algorithm R: every row read so far is in the sample with the same chance; a row's text only when kept. */
        private void keep(Table batch, int r, Prediction p) {
            seen++;
            int slot = sample.size() < SAMPLE ? sample.size() : (int) Math.min(SAMPLE, random.nextLong(seen));
            if (slot < SAMPLE) {
                String[] row = ScoredReference.withPrediction(model, model.preprocessor().featureValues(batch, r), p);
                if (slot == sample.size()) {
                    sample.add(row);
                } else {
                    sample.set(slot, row);
                }
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
