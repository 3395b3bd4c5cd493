package io.jenkins.plugins.mlops.monitor;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.mlops.contract.Check;
import io.jenkins.plugins.mlops.contract.CheckStatus;
import io.jenkins.plugins.mlops.contract.InvalidInputException;
import io.jenkins.plugins.mlops.contract.Json;
import io.jenkins.plugins.mlops.contract.Provenance;
import io.jenkins.plugins.mlops.contract.Stage;
import io.jenkins.plugins.mlops.contract.StepResult;
import io.jenkins.plugins.mlops.data.CsvReader;
import io.jenkins.plugins.mlops.data.Sha256;
import io.jenkins.plugins.mlops.data.Table;
import io.jenkins.plugins.mlops.data.TableBuilder;
import io.jenkins.plugins.mlops.drift.ColumnDrift;
import io.jenkins.plugins.mlops.drift.DriftConfig;
import io.jenkins.plugins.mlops.drift.DriftDetector;
import io.jenkins.plugins.mlops.drift.DriftReports;
import io.jenkins.plugins.mlops.drift.DriftSamples;
import io.jenkins.plugins.mlops.drift.DriftVerdict;
import io.jenkins.plugins.mlops.model.Manifest;
import io.jenkins.plugins.mlops.model.PackagedModel;
import io.jenkins.plugins.mlops.report.HtmlReport;
import io.jenkins.plugins.mlops.report.Svg;
import io.jenkins.plugins.mlops.schema.Field;
import io.jenkins.plugins.mlops.schema.Schema;
import io.jenkins.plugins.mlops.schema.SchemaInference;
import io.jenkins.plugins.mlops.stage.StageExecutor;
import io.jenkins.plugins.mlops.stage.StageOutput;
import io.jenkins.plugins.mlops.stage.StageRunner;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * The {@code monitor} step: drift of the inputs a model server received, window by window, versus
 * the training reference, and a retraining recommendation with its reasons.
 */
public final class MonitorStep extends StageExecutor<MonitorSpec> {
    public static final String STEP = Stage.MONITOR.result();
    /** A fall of accuracy between the first and the latest window that calls for retraining. */
    static final double QUALITY_DROP = 0.05;
    /** Ground truth that arrived later, in a server's log folder. */
    static final String FEEDBACK_FILE = "feedback.jsonl";

    /** One window of consecutive logged rows and its drift verdicts. */
    /**
     * @param labelled rows whose ground truth arrived; {@code accuracy} the share predicted right
     *     (null without labels)
     */
    public record Window(int index, long firstRow, long lastRow, String from, String to, List<ColumnDrift> drift,
                         long labelled, Double accuracy) {
        public List<String> driftedColumns() {
            return drift.stream().filter(d -> d.verdict() == DriftVerdict.DRIFT)
                    .map(ColumnDrift::column).toList();
        }
    }

    public MonitorStep() {
        super(Stage.MONITOR, MonitorSpec.class);
    }

    /** The step from its spec: the reference and schema from the model package, or the reference CSV. */
    @Override
    public StageOutput execute(MonitorSpec spec) {
        if (spec.model() != null) {
            Manifest.verify(spec.model());
        }
        Table reference = new CsvReader().read(spec.reference() != null ? spec.reference()
                : spec.model().resolve(PackagedModel.REFERENCE_FILE));
        Schema schema = spec.model() != null
                ? Json.readJson(spec.model().resolve(PackagedModel.INPUT_SCHEMA_FILE), Schema.class)
                : SchemaInference.infer(reference);
        return monitor(spec.log(), reference, schema, spec.window(), spec.drift(),
                spec.model() == null ? null : Sha256.of(spec.model().resolve(Manifest.FILE)));
    }

    /**
     * @param windowRows rows per window; 0 = the whole log as one window
     */
    public static StepResult run(Path log, Table reference, Schema schema, int windowRows, DriftConfig config,
                                 Path outDir) {
        return StageRunner.write(monitor(log, reference, schema, windowRows, config, null), outDir);
    }

    /** @param serving the monitored model's package digest, for the provenance; null when not known */
    static StageOutput monitor(Path log, Table reference, Schema schema, int windowRows, DriftConfig config,
                               String serving) {
        List<Field> features = schema.fields().stream().filter(f -> reference.hasColumn(f.name())).toList();
        DriftDetector detector = new DriftDetector(config);
        DriftSamples.Reference referenceSamples = new DriftSamples.Reference(schema, reference);
        List<Window> windows = new ArrayList<>();
        // the log streams past a window at a time: what is kept of a window is its typed columns
        WindowRows[] current = {new WindowRows(log, features, 1)};
        long[] rows = {0};
        Provenance.DataFile file = eachEntry(log, e -> {
            // shadow predictions repeat requests another version answered: not traffic of their own
            if (e.isShadow()) {
                return;
            }
            current[0].add(e);
            rows[0]++;
            if (windowRows > 0 && current[0].rows() == windowRows) {
                windows.add(current[0].window(windows.size() + 1, detector, referenceSamples));
                current[0] = new WindowRows(log, features, rows[0] + 1);
            }
        });
        if (rows[0] == 0) {
            throw InvalidInputException.in(log, "the prediction log has no entries yet");
        }
        if (current[0].rows() > 0) {
            windows.add(current[0].window(windows.size() + 1, detector, referenceSamples));
        }
        long size = windowRows <= 0 ? rows[0] : windowRows;
        List<Check> checks = new ArrayList<>();
        for (Window w : windows) {
            List<String> drifted = w.driftedColumns();
            boolean insufficient = w.drift().stream().allMatch(d -> d.verdict()
                    == DriftVerdict.INSUFFICIENT_DATA);
            CheckStatus status = insufficient ? CheckStatus.INSUFFICIENT_DATA
                    : drifted.isEmpty() ? CheckStatus.PASSED : CheckStatus.FAILED;
            String reason = insufficient ? "Too few rows in this window for a verdict."
                    : drifted.isEmpty() ? "No input column drifted versus the training reference."
                    : "Input drift in " + String.join(", ", drifted) + ".";
            checks.add(new Check("window:" + w.index() + " (rows " + w.firstRow() + "-" + w.lastRow() + ")", status,
                    drifted.size(), "0 drifted columns", reason));
        }
        Window latest = windows.get(windows.size() - 1);
        List<String> reasons = new ArrayList<>();
        if (!latest.driftedColumns().isEmpty()) {
            reasons.add("input drift in the latest window: " + String.join(", ", latest.driftedColumns()));
        }
        Window first = windows.get(0);
        if (latest.accuracy() != null && first.accuracy() != null && windows.size() > 1
                && latest.accuracy() < first.accuracy() - QUALITY_DROP) {
            reasons.add(String.format(Locale.ROOT, "accuracy fell from %.3f to %.3f on labelled rows",
                    first.accuracy(), latest.accuracy()));
        }
        long driftedWindows = windows.stream().filter(w -> !w.driftedColumns().isEmpty()).count();
        Map<String, Object> recommendation = new LinkedHashMap<>();
        recommendation.put("retrain", !reasons.isEmpty());
        recommendation.put("reasons", reasons);
        String summary = rows[0] + " logged predictions in " + windows.size() + " window"
                + (windows.size() == 1 ? "" : "s") + ": " + driftedWindows + " with input drift"
                + (reasons.isEmpty() ? "; no retraining needed." : "; retraining recommended (" + reasons.get(0) + ").");
        StepResult result = StepResult.fromChecks(STEP, summary, checks)
                .with("log", log.toString())
                .with("rows", rows[0])
                .with("windowRows", size)
                .with("windows", windows)
                .with("recommendation", recommendation)
                .with(Provenance.SECTION, new Provenance(null, null, null, file, serving));
        return StageOutput.of(result, report(result, windows));
    }

    /**
     * Hands the entries of a log file, or of a server's log folder (its rotated files oldest first, then the
     * current one), to {@code each} one at a time, in order, with ground truth from {@code feedback.jsonl}
     * joined by request id and row; returns the log by the SHA-256 of the bytes read. Also read by the canary
     * and shadow analyses.
     */
    public static Provenance.DataFile eachEntry(Path log, Consumer<PredictionLogEntry> each) {
        MessageDigest digest = Sha256.newDigest();
        List<Path> files = Files.isDirectory(log) ? predictionFiles(log) : List.of(log);
        Path feedback = log.resolve(FEEDBACK_FILE);
        boolean labelled = Files.isDirectory(log) && Files.exists(feedback);
        // the labels are needed as the entries stream past; their bytes still go into the digest after the
        // predictions', as when the log was read whole
        Map<String, List<String>> truth = labelled ? readFeedback(feedback, Sha256.newDigest()) : Map.of();
        for (Path f : files) {
            readFile(f, digest, e -> {
                List<String> labels = truth.get(e.requestId());
                each.accept(labels == null || e.row() >= labels.size() ? e : e.withActual(labels.get(e.row())));
            });
        }
        if (labelled) {
            try (InputStream in = new DigestInputStream(Files.newInputStream(feedback), digest)) {
                in.transferTo(OutputStream.nullOutputStream());
            } catch (IOException e) {
                throw InvalidInputException.in(feedback, "cannot read: " + e.getMessage());
            }
        }
        return new Provenance.DataFile(log.getFileName().toString(), HexFormat.of().formatHex(digest.digest()));
    }

    /** A log folder's prediction files, oldest first: the rotated ones, then the current one. */
    private static List<Path> predictionFiles(Path log) {
        try (Stream<Path> files = Files.list(log)) {
            return files.filter(p -> p.getFileName().toString().matches("predictions(-\\d+)?\\.jsonl"))
                    .sorted(Comparator.comparing((Path p) -> p.getFileName().toString().equals("predictions.jsonl"))
                            .thenComparing(Path::toString)).toList();
        } catch (IOException e) {
            throw InvalidInputException.in(log, "cannot read: " + e.getMessage());
        }
    }

    /** Labels by request id, from {@code feedback.jsonl}. */
    private static Map<String, List<String>> readFeedback(Path feedback, MessageDigest digest) {
        Map<String, List<String>> truth = new HashMap<>();
        try (BufferedReader in = reader(feedback, digest)) {
            long lineNo = 0;
            for (String line; (line = in.readLine()) != null; ) {
                lineNo++;
                if (line.isBlank()) {
                    continue;
                }
                try {
                    JsonNode node = Json.JSON.readTree(line);
                    List<String> labels = new ArrayList<>();
                    node.path("labels").forEach(l -> labels.add(l.asText()));
                    truth.put(node.path("requestId").asText(), labels);
                } catch (JsonProcessingException e) {
                    throw InvalidInputException.at(feedback, lineNo, 0, "not a feedback entry");
                }
            }
        } catch (IOException e) {
            throw InvalidInputException.in(feedback, "cannot read: " + e.getMessage());
        }
        return truth;
    }

    private static void readFile(Path log, MessageDigest digest, Consumer<PredictionLogEntry> each) {
        try (BufferedReader in = reader(log, digest)) {
            long lineNo = 0;
            for (String line; (line = in.readLine()) != null; ) {
                lineNo++;
                if (line.isBlank()) {
                    continue;
                }
                PredictionLogEntry entry;
                try {
                    entry = Json.JSON.readValue(line, PredictionLogEntry.class);
                } catch (JsonProcessingException e) {
                    throw InvalidInputException.at(log, lineNo, e.getLocation() == null ? 0 : e.getLocation().getColumnNr(),
                            "not a prediction log entry: " + Json.firstLine(e.getOriginalMessage()));
                }
                each.accept(entry);
            }
        } catch (NoSuchFileException e) {
            throw InvalidInputException.in(log, "no such file");
        } catch (IOException e) {
            throw InvalidInputException.in(log, "cannot read: " + e.getMessage());
        }
    }

    /** Lines of a UTF-8 file whose bytes also go into {@code digest} as they are read. */
    private static BufferedReader reader(Path file, MessageDigest digest) throws IOException {
        return new BufferedReader(new InputStreamReader(new DigestInputStream(Files.newInputStream(file), digest),
                StandardCharsets.UTF_8));
    }

    /** One window of consecutive predictions as it fills: its inputs in typed columns, its times and labels. */
    private static final class WindowRows {
        private final List<String> columns;
        private final TableBuilder inputs;
        private final long firstRow;
        private String from;
        private String to;
        private long labelled;
        private long correct;

        WindowRows(Path log, List<Field> features, long firstRow) {
            this.columns = features.stream().map(Field::name).toList();
            this.inputs = new TableBuilder(log.getFileName().toString(), columns);
            this.firstRow = firstRow;
        }

        void add(PredictionLogEntry e) {
            Map<String, String> values = e.inputs() == null ? Map.of() : e.inputs();
            String[] row = new String[columns.size()];
            for (int c = 0; c < row.length; c++) {
                row[c] = values.get(columns.get(c));
            }
            inputs.add(row, inputs.rows() + 1L);
            if (from == null) {
                from = e.time();
            }
            to = e.time();
            if (e.actual() != null) {
                labelled++;
                correct += e.actual().equals(e.prediction()) ? 1 : 0;
            }
        }

        int rows() {
            return inputs.rows();
        }

        Window window(int index, DriftDetector detector, DriftSamples.Reference reference) {
            return new Window(index, firstRow, firstRow + rows() - 1, from, to,
                    detector.compare(reference.against(inputs.build())), labelled,
                    labelled == 0 ? null : correct / (double) labelled);
        }
    }

    static HtmlReport report(StepResult result, List<Window> windows) {
        HtmlReport report = HtmlReport.forResult("Model monitoring", result);
        report.section("Drifted columns per window").figure(Svg.bars(
                windows.stream().map(w -> "window " + w.index() + " (" + (w.lastRow() - w.firstRow() + 1) + " rows)").toList(),
                windows.stream().mapToDouble(w -> w.driftedColumns().size()).toArray(), "Drifted columns per window"),
                "Number of input columns flagged in each window of consecutive predictions.");
        for (Window w : windows) {
            DriftReports.render(report, "Window " + w.index() + ": rows " + w.firstRow() + "–" + w.lastRow()
                    + " (" + w.from() + " to " + w.to() + ")", w.drift());
        }
        return report;
    }
}
