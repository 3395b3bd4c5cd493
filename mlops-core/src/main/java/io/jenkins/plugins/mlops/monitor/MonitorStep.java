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
import java.io.InputStreamReader;
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
        // shadow predictions repeat requests another version answered: not traffic of their own
        LoggedTraffic traffic = readTraffic(log);
        List<PredictionLogEntry> entries = traffic.entries().stream().filter(e -> !e.isShadow()).toList();
        if (entries.isEmpty()) {
            throw InvalidInputException.in(log, "the prediction log has no entries yet");
        }
        List<Field> features = schema.fields().stream().filter(f -> reference.hasColumn(f.name())).toList();
        int size = windowRows <= 0 ? entries.size() : windowRows;
        DriftDetector detector = new DriftDetector(config);
        DriftSamples.Reference referenceSamples = new DriftSamples.Reference(schema, reference);
        List<Window> windows = new ArrayList<>();
        for (int start = 0; start < entries.size(); start += size) {
            List<PredictionLogEntry> slice = entries.subList(start, Math.min(entries.size(), start + size));
            Table current = toTable(log, slice, features);
            List<PredictionLogEntry> withTruth = slice.stream().filter(e -> e.actual() != null).toList();
            Double accuracy = withTruth.isEmpty() ? null : withTruth.stream()
                    .filter(e -> e.actual().equals(e.prediction())).count() / (double) withTruth.size();
            windows.add(new Window(windows.size() + 1, start + 1L, start + (long) slice.size(), slice.get(0).time(),
                    slice.get(slice.size() - 1).time(), detector.compare(referenceSamples.against(current)),
                    withTruth.size(), accuracy));
        }
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
        String summary = entries.size() + " logged predictions in " + windows.size() + " window"
                + (windows.size() == 1 ? "" : "s") + ": " + driftedWindows + " with input drift"
                + (reasons.isEmpty() ? "; no retraining needed." : "; retraining recommended (" + reasons.get(0) + ").");
        StepResult result = StepResult.fromChecks(STEP, summary, checks)
                .with("log", log.toString())
                .with("rows", entries.size())
                .with("windowRows", size)
                .with("windows", windows)
                .with("recommendation", recommendation)
                .with(Provenance.SECTION, new Provenance(null, null, null, traffic.file(), serving));
        return StageOutput.of(result, report(result, windows));
    }

    /** A prediction log as read: its entries, and the log by the SHA-256 of the bytes read (for the provenance). */
    public record LoggedTraffic(List<PredictionLogEntry> entries, Provenance.DataFile file) {
    }

    /**
     * A log file, or a server's log folder: its rotated files oldest first, then the current one,
     * with ground truth from {@code feedback.jsonl} joined by request id and row. Read once: the
     * digest is taken over the same bytes. Also read by the canary and shadow analyses.
     */
    public static LoggedTraffic readTraffic(Path log) {
        MessageDigest digest = Sha256.newDigest();
        List<Path> files = Files.isDirectory(log) ? predictionFiles(log) : List.of(log);
        List<PredictionLogEntry> entries = new ArrayList<>();
        for (Path f : files) {
            entries.addAll(readFile(f, digest));
        }
        Path feedback = log.resolve(FEEDBACK_FILE);
        if (Files.isDirectory(log) && Files.exists(feedback)) {
            Map<String, List<String>> truth = readFeedback(feedback, digest);
            entries = entries.stream().map(e -> {
                List<String> labels = truth.get(e.requestId());
                return labels == null || e.row() >= labels.size() ? e : e.withActual(labels.get(e.row()));
            }).toList();
        }
        return new LoggedTraffic(entries, new Provenance.DataFile(log.getFileName().toString(),
                HexFormat.of().formatHex(digest.digest())));
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

    private static List<PredictionLogEntry> readFile(Path log, MessageDigest digest) {
        List<PredictionLogEntry> entries = new ArrayList<>();
        try (BufferedReader in = reader(log, digest)) {
            long lineNo = 0;
            for (String line; (line = in.readLine()) != null; ) {
                lineNo++;
                if (line.isBlank()) {
                    continue;
                }
                try {
                    entries.add(Json.JSON.readValue(line, PredictionLogEntry.class));
                } catch (JsonProcessingException e) {
                    throw InvalidInputException.at(log, lineNo, e.getLocation() == null ? 0 : e.getLocation().getColumnNr(),
                            "not a prediction log entry: " + Json.firstLine(e.getOriginalMessage()));
                }
            }
        } catch (NoSuchFileException e) {
            throw InvalidInputException.in(log, "no such file");
        } catch (IOException e) {
            throw InvalidInputException.in(log, "cannot read: " + e.getMessage());
        }
        return entries;
    }

    /** Lines of a UTF-8 file whose bytes also go into {@code digest} as they are read. */
    private static BufferedReader reader(Path file, MessageDigest digest) throws IOException {
        return new BufferedReader(new InputStreamReader(new DigestInputStream(Files.newInputStream(file), digest),
                StandardCharsets.UTF_8));
    }

    static Table toTable(Path log, List<PredictionLogEntry> entries, List<Field> features) {
        List<String> columns = features.stream().map(Field::name).toList();
        List<String[]> rows = new ArrayList<>();
        long[] lines = new long[entries.size()];
        for (int i = 0; i < entries.size(); i++) {
            Map<String, String> inputs = entries.get(i).inputs() == null ? Map.of() : entries.get(i).inputs();
            String[] row = new String[columns.size()];
            for (int c = 0; c < row.length; c++) {
                row[c] = inputs.get(columns.get(c));
            }
            rows.add(row);
            lines[i] = i + 1;
        }
        return new Table(log.getFileName().toString(), columns, rows, lines);
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
