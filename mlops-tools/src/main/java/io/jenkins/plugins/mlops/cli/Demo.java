package io.jenkins.plugins.mlops.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.mlops.contract.Json;
import io.jenkins.plugins.mlops.contract.Status;
import io.jenkins.plugins.mlops.contract.StepResult;
import io.jenkins.plugins.mlops.data.CsvReader;
import io.jenkins.plugins.mlops.data.Table;
import io.jenkins.plugins.mlops.drift.DriftConfig;
import io.jenkins.plugins.mlops.evaluation.ModelTestStep;
import io.jenkins.plugins.mlops.evaluation.TestSuite;
import io.jenkins.plugins.mlops.gate.GateStep;
import io.jenkins.plugins.mlops.model.Lineage;
import io.jenkins.plugins.mlops.model.PackagedModel;
import io.jenkins.plugins.mlops.governance.CardSpec;
import io.jenkins.plugins.mlops.monitor.MonitorStep;
import io.jenkins.plugins.mlops.registry.RegisterSpec;
import io.jenkins.plugins.mlops.registry.RegisterStep;
import io.jenkins.plugins.mlops.registry.Registry;
import io.jenkins.plugins.mlops.report.Html;
import io.jenkins.plugins.mlops.report.HtmlReport;
import io.jenkins.plugins.mlops.report.HtmlTable;
import io.jenkins.plugins.mlops.report.StepOutputWriter;
import io.jenkins.plugins.mlops.report.HtmlTable.Markup;
import io.jenkins.plugins.mlops.schema.Field;
import io.jenkins.plugins.mlops.schema.FieldType;
import io.jenkins.plugins.mlops.schema.Schema;
import io.jenkins.plugins.mlops.contract.FileTrees;
import io.jenkins.plugins.mlops.serving.DeployStep;
import io.jenkins.plugins.mlops.serving.ModelServer;
import io.jenkins.plugins.mlops.serving.ServerConfig;
import io.jenkins.plugins.mlops.stage.StageRunner;
import io.jenkins.plugins.mlops.train.TrainStep;
import io.jenkins.plugins.mlops.validation.ValidateSpec;
import io.jenkins.plugins.mlops.validation.ValidateStep;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.UnaryOperator;

/**
 * The end-to-end Level 2 pipeline on real data, every stage real: what {@code mlops demo} runs
 * and what the CLI end-to-end test checks.
 */
final class Demo {
    static final String DATA = "penguins.csv";
    static final String SPEC = "penguins.yaml";
    static final String SCHEMA = "penguins.schema.json";
    static final String MODEL_NAME = "penguins";
    /** Requests per traffic batch; each request scores one row. */
    static final int BATCH = 150;

    /** One stage's line in the summary and the index. */
    record Stage(String name, String report, Status status, String expected, String summary) {
        boolean asExpected() {
            return status.name().equals(expected);
        }
    }

    record Outcome(List<Stage> stages, int inferenceCalls, List<String> problems) {
        boolean asExpected() {
            return problems.isEmpty();
        }

        String table() {
            StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "%-10s %-15s %-15s %s%n", "STAGE", "STATUS",
                    "EXPECTED", "REPORT"));
            for (Stage s : stages) {
                out.append(String.format(Locale.ROOT, "%-10s %-15s %-15s %s%n", s.name(), s.status(), s.expected(),
                        s.report()));
            }
            return out.append("inference calls answered: ").append(inferenceCalls).toString();
        }
    }

    private final Path out;
    private final PrintWriter console;
    private final List<Stage> stages = new ArrayList<>();

    Demo(Path out, PrintWriter console) {
        this.out = out;
        this.console = console;
    }

    Outcome run() throws Exception {
        Files.createDirectories(out);
        // a run starts from nothing: an earlier run's registry and prediction log would add versions and windows
        FileTrees.delete(out.resolve("registry"));
        FileTrees.delete(out.resolve("serving"));
        Path inputs = out.resolve("inputs");
        Path data = copyResource("datasets/" + DATA, inputs.resolve(DATA));
        Path spec = copyResource("specs/" + SPEC, inputs.resolve(SPEC));
        Path schema = copyResource("specs/" + SCHEMA, inputs.resolve(SCHEMA));

        say("1/8 validate " + data + " against the schema contract " + schema.getFileName());
        record("validate", StageRunner.run(new ValidateSpec(data, schema, null).withLabel("species"), out),
                Status.PASSED);

        say("2/8 train (DL4J MLP) from " + spec);
        StepResult train = TrainStep.run(spec, data, out, new PrintStream(new ConsoleStream(console), true, "UTF-8"));
        record("train", train, Status.PASSED);
        Path model = out.resolve(TrainStep.PACKAGE_DIR);

        say("3/8 test on the hold-out rows");
        Path holdout = out.resolve(TrainStep.HOLDOUT_FILE);
        try (PackagedModel packaged = PackagedModel.load(model)) {
            record("test", ModelTestStep.run(packaged, new CsvReader().read(holdout), holdout,
                    TestSuite.defaults(packaged.info().task()), out), Status.PASSED);
        }

        say("4/8 gate on validation, training and test results");
        record("gate", GateStep.run(List.of(out.resolve("validation.json"), out.resolve("train.json"),
                out.resolve("test.json")), false, out), Status.PASSED);

        say("5/8 register in " + out.resolve("registry"));
        Registry registry = new Registry(out.resolve("registry"));
        StepResult registered = RegisterStep.run(new RegisterSpec(registry.home(), model, MODEL_NAME, Lineage.user(),
                "staging", null), out);
        record("register", registered, Status.PASSED);
        StageRunner.run(new CardSpec(registry.home(), MODEL_NAME + "@staging", out.resolve("test.json")), out);

        String token = HexFormat.of().formatHex(new SecureRandom().generateSeed(24));
        int calls;
        Schema inputSchema = Json.readJson(model.resolve(PackagedModel.INPUT_SCHEMA_FILE), Schema.class);
        ServerConfig config = new ServerConfig("127.0.0.1", 0, token, registry, out.resolve("serving"),
                ServerConfig.DEFAULT_MAX_REQUEST_BYTES, ServerConfig.DEFAULT_MAX_ROWS);
        try (ModelServer server = new ModelServer(config).start()) {
            say("6/8 serve on " + server.url() + " and deploy " + MODEL_NAME + "@staging through the admin API");
            record("deploy", DeployStep.run(URI.create(server.url()), MODEL_NAME + "@staging", token, out), Status.PASSED);

            say("7/8 traffic: " + BATCH + " clean requests, then " + BATCH + " with drifted inputs");
            Table rows = new CsvReader().read(data);
            calls = traffic(server.url(), inputSchema, rows, new SplittableRandom(7), UnaryOperator.identity())
                    + traffic(server.url(), inputSchema, rows, new SplittableRandom(8), row -> drift(row, rows));
        }

        say("8/8 monitor the prediction log against the training reference");
        Table reference = new CsvReader().read(model.resolve(PackagedModel.REFERENCE_FILE));
        StepResult monitor = MonitorStep.run(out.resolve("serving").resolve("predictions.jsonl"), reference, inputSchema,
                BATCH, DriftConfig.DEFAULT, out);
        record("monitor", monitor, Status.FAILED);

        List<String> problems = new ArrayList<>();
        stages.stream().filter(s -> !s.asExpected())
                .forEach(s -> problems.add(s.name() + " was " + s.status() + ", expected " + s.expected()));
        List<?> windows = (List<?>) monitor.getSections().get("windows");
        List<String> verdicts = windows.stream().map(w -> ((MonitorStep.Window) w).driftedColumns().isEmpty()
                ? "clean" : "drift").toList();
        if (!verdicts.equals(List.of("clean", "drift"))) {
            problems.add("monitor windows were " + verdicts + ", expected [clean, drift]");
        }
        if (calls < 2 * BATCH) {
            problems.add("only " + calls + " inference calls succeeded");
        }
        writeIndex(calls);
        return new Outcome(stages, calls, problems);
    }

    /** The deliberate drift: heavier birds with longer flippers, as if a new colony joined. */
    static String[] drift(String[] row, Table table) {
        String[] shifted = row.clone();
        scale(shifted, table.columnIndex("body_mass_g"), 1.25);
        scale(shifted, table.columnIndex("flipper_length_mm"), 1.10);
        return shifted;
    }

    private static void scale(String[] row, int column, double factor) {
        Double v = row[column] == null ? null : FieldType.parseDouble(row[column]);
        if (v != null) {
            row[column] = Html.number(Math.round(v * factor));
        }
    }

    /**
     * Sends {@link #BATCH} single-row OIP infer requests, rows drawn at random from {@code rows}
     * and passed through {@code change}; returns how many were answered with 200.
     */
    static int traffic(String url, Schema schema, Table rows, SplittableRandom random, UnaryOperator<String[]> change)
            throws IOException, InterruptedException {
        HttpClient client = HttpClient.newHttpClient();
        URI infer = URI.create(url + "/v2/models/" + MODEL_NAME + "/infer");
        int ok = 0;
        for (int i = 0; i < BATCH; i++) {
            String[] row = change.apply(rows.row(random.nextInt(rows.rowCount())));
            ObjectNode body = Json.JSON.createObjectNode();
            ArrayNode inputs = body.putArray("inputs");
            for (Field f : schema.fields()) {
                String v = row[rows.columnIndex(f.name())];
                ObjectNode input = inputs.addObject().put("name", f.name())
                        .put("datatype", f.type().isNumeric() ? "FP64" : "BYTES");
                input.putArray("shape").add(1);
                ArrayNode values = input.putArray("data");
                if (v == null) {
                    values.addNull();
                } else if (f.type().isNumeric()) {
                    values.add(Double.parseDouble(v));
                } else {
                    values.add(v);
                }
            }
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(infer)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 200) {
                ok++;
            }
        }
        return ok;
    }

    private void record(String name, StepResult result, Status expected) {
        stages.add(new Stage(name, result.getStep() + ".html", result.getStatus(), expected.name(), result.getSummary()));
        console.println("   " + result.getStatus() + ": " + result.getSummary());
    }

    private void say(String text) {
        console.println(text);
        console.flush();
    }

    private Path copyResource(String name, Path target) throws IOException {
        try (InputStream in = Demo.class.getResourceAsStream("/demo/" + name)) {
            if (in == null) {
                throw new IllegalStateException("demo resource missing from the CLI jar: " + name);
            }
            Files.createDirectories(target.getParent());
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
        }
        return target;
    }

    private void writeIndex(int calls) throws IOException {
        HtmlReport index = HtmlReport.titled("jenkins-mlops demo: Level 2 pipeline", "Validate → train → test → gate →"
                + " register → deploy → serve real traffic → monitor, on the Palmer penguins data, every stage real.");
        index.section("Stages");
        HtmlTable table = new HtmlTable("Stage", "Status",
                "Expected", "Summary", "Report");
        for (Stage s : stages) {
            table.rowWithClass(s.asExpected() ? null : "row-failed", s.name(), new Markup(HtmlReport.badge(s.status().name())),
                    s.expected(), s.summary(), new Markup("<a href=\"" + Html.escape(s.report()) + "\">" + Html.escape(s.report())
                            + "</a>"));
        }
        index.table(table);
        index.paragraph("The model server answered " + calls + " inference calls: " + BATCH + " with rows drawn from the"
                + " data set, then " + BATCH + " with body mass +25 % and flipper length +10 %. The monitor is expected"
                + " to flag the second window and not the first, which makes its status FAILED by design.");
        index.section("Files");
        index.link("model/manifest.json", "Model package manifest");
        index.link("model-card.html", "Model card");
        index.link("registry/models/" + MODEL_NAME + "/aliases.json", "Registry aliases");
        index.link("registry/audit.log", "Audit log (hash-chained)");
        index.link("serving/predictions.jsonl", "Prediction log");
        StepOutputWriter.writeStylesheet(out);
        StepOutputWriter.writeAtomically(out.resolve("index.html"), index.render());
    }
}
