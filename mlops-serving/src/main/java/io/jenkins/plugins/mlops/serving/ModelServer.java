package io.jenkins.plugins.mlops.serving;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.mlops.contract.InvalidInputException;
import io.jenkins.plugins.mlops.contract.Json;
import io.jenkins.plugins.mlops.data.Sha256;
import io.jenkins.plugins.mlops.model.PackagedModel;
import io.jenkins.plugins.mlops.model.Prediction;
import io.jenkins.plugins.mlops.model.Task;
import io.jenkins.plugins.mlops.monitor.PredictionLogEntry;
import io.jenkins.plugins.mlops.registry.ModelRef;
import io.jenkins.plugins.mlops.registry.ModelVersion;
import io.jenkins.plugins.mlops.schema.Field;
import io.jenkins.plugins.mlops.schema.Schema;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;

/**
 * Open Inference Protocol V2 REST server (notes/mlops-peers.md §2) over Jetty 12, plus an admin
 * API ({@code POST /admin/deploy}) that is closed unless a token is configured.
 */
public final class ModelServer implements AutoCloseable {
    public static final String NAME = "jenkins-mlops";
    public static final String VERSION = "0.1.0";
    private static final Pattern MODEL_PATH = Pattern.compile(
            "/v2/models/([^/]+)(?:/versions/([^/]+))?(/ready|/infer|/feedback)?");

    private final ServerConfig config;
    private final DeployedModels models = new DeployedModels();
    private final ServerMetrics metrics = new ServerMetrics();
    /** Shadow predictions run after the answer, on one thread, dropped when they fall behind. */
    private final ThreadPoolExecutor shadows = new ThreadPoolExecutor(1, 1, 0,
            TimeUnit.SECONDS, new ArrayBlockingQueue<>(1000),
            new ThreadPoolExecutor.DiscardPolicy());
    private final PredictionLog log;
    private final Server jetty;
    private final ServerConnector connector;
    private final byte[] tokenDigest;

    public ModelServer(ServerConfig config) {
        this.config = config;
        this.log = config.logDir() == null ? null : new PredictionLog(config.logDir());
        this.tokenDigest = config.adminToken() == null ? null
                : Sha256.newDigest().digest(config.adminToken().getBytes(StandardCharsets.UTF_8));
        this.jetty = new Server();
        if (config.tlsKeystore() != null) {
            org.eclipse.jetty.util.ssl.SslContextFactory.Server tls = new org.eclipse.jetty.util.ssl.SslContextFactory.Server();
            tls.setKeyStorePath(config.tlsKeystore().toString());
            tls.setKeyStoreType("PKCS12");
            tls.setKeyStorePassword(config.tlsPassword());
            this.connector = new ServerConnector(jetty, tls);
        } else {
            this.connector = new ServerConnector(jetty);
        }
        connector.setHost(config.host());
        connector.setPort(config.port());
        jetty.addConnector(connector);
        jetty.setHandler(new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) {
                serve(request, response, callback);
                return true;
            }
        });
    }

    public ModelServer start() throws Exception {
        jetty.start();
        return this;
    }

    public int port() {
        return connector.getLocalPort();
    }

    public String url() {
        String host = config.host().contains(":") ? "[" + config.host() + "]" : config.host();
        return (config.tlsKeystore() == null ? "http://" : "https://") + host + ":" + port();
    }

    /** Loads a package (manifest verified first) and makes it the default version of its name. */
    public void deploy(String name, String version, PackagedModel model) {
        models.deploy(name, version, model);
    }

    public void join() throws InterruptedException {
        jetty.join();
    }

    @Override
    public void close() throws Exception {
        jetty.stop();
        shadows.shutdown();
        shadows.awaitTermination(10, TimeUnit.SECONDS);
        models.closeAll();
        if (log != null) {
            log.close();
        }
    }

    private void serve(Request request, Response response, Callback callback) {
        if (Request.getPathInContext(request).equals("/metrics")) {
            response.setStatus(200);
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, ServerMetrics.CONTENT_TYPE);
            models.all().forEach(metrics::drift);
            response.write(true, ByteBuffer.wrap(metrics.scrape()), callback);
            return;
        }
        int status = 200;
        JsonNode body;
        try {
            body = route(request);
        } catch (HttpError e) {
            status = e.status;
            body = error(e.getMessage());
        } catch (InvalidInputException e) {
            status = 400;
            body = error(e.getMessage());
        } catch (RuntimeException | IOException e) {
            status = 500;
            body = error("internal error: " + e.getClass().getSimpleName() + ": " + e.getMessage());
        }
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
        byte[] bytes;
        try {
            bytes = Json.COMPACT.writeValueAsBytes(body);
        } catch (IOException e) {
            bytes = "{\"error\":\"cannot encode response\"}".getBytes(StandardCharsets.UTF_8);
        }
        response.write(true, ByteBuffer.wrap(bytes), callback);
    }

    private static ObjectNode error(String message) {
        return Json.JSON.createObjectNode().put("error", message);
    }

    private JsonNode route(Request request) throws IOException {
        String path = Request.getPathInContext(request);
        String method = request.getMethod();
        if (path.equals("/v2/health/live")) {
            requireMethod(method, "GET");
            return Json.JSON.createObjectNode().put("live", true);
        }
        if (path.equals("/v2/health/ready")) {
            requireMethod(method, "GET");
            if (models.isEmpty()) {
                throw new HttpError(503, "no model deployed yet");
            }
            return Json.JSON.createObjectNode().put("ready", true);
        }
        if (path.equals("/v2/noop")) {
            // the baseline of the load benchmark: the same HTTP and JSON path, no model
            requireMethod(method, "POST");
            return Json.JSON.createObjectNode().put("id", readBody(request).path("id").asText(""));
        }
        if (path.equals("/v2")) {
            requireMethod(method, "GET");
            ObjectNode meta = Json.JSON.createObjectNode().put("name", NAME).put("version", VERSION);
            meta.putArray("extensions").add("prediction_log").add(tokenDigest == null ? "admin_disabled" : "admin");
            return meta;
        }
        if (path.startsWith("/admin/")) {
            return admin(request, path, method);
        }
        Matcher m = MODEL_PATH.matcher(path);
        if (!m.matches()) {
            throw new HttpError(404, "no such endpoint: " + method + " " + path);
        }
        String action = m.group(3);
        String name = m.group(1);
        if ("/infer".equals(action) && m.group(2) == null) {
            // no version: the route decides, sticky by the request's id when it has one
            requireMethod(method, "POST");
            JsonNode body;
            DeployedModels.Route route;
            try {
                body = readBody(request);
                route = models.route(name);
            } catch (HttpError e) {
                metrics.failure.labelValues(name, String.valueOf(e.status)).inc();
                throw e;
            }
            return timedInfer(route.pick(body.hasNonNull("id") ? body.get("id").asText() : null), body, route);
        }
        DeployedModels.Entry entry;
        try {
            entry = models.get(name, m.group(2));
        } catch (HttpError e) {
            if ("/infer".equals(action)) {
                metrics.failure.labelValues(name, String.valueOf(e.status)).inc();
            }
            throw e;
        }
        if (action == null) {
            requireMethod(method, "GET");
            return metadata(entry);
        }
        if (action.equals("/ready")) {
            requireMethod(method, "GET");
            return Json.JSON.createObjectNode().put("name", entry.name()).put("ready", true);
        }
        requireMethod(method, "POST");
        if (action.equals("/feedback")) {
            return feedback(entry, readBody(request));
        }
        return timedInfer(entry, readBody(request), null);
    }

    /** Answers with {@code entry}; with a shadow on the route, the shadow scores the same rows afterwards. */
    private JsonNode timedInfer(DeployedModels.Entry entry, JsonNode body, DeployedModels.Route route) {
        long started = System.nanoTime();
        try {
            JsonNode answer = infer(entry, body, false);
            metrics.success.labelValues(entry.name(), entry.version()).inc();
            metrics.duration.labelValues(entry.name(), entry.version()).observe((System.nanoTime() - started) / 1e9);
            if (route != null && route.shadow() != null) {
                DeployedModels.Entry shadow = route.shadow();
                shadows.execute(() -> {
                    try {
                        infer(shadow, body, true);
                    } catch (RuntimeException e) {
                        metrics.failure.labelValues(shadow.name(), "shadow").inc();
                    }
                });
            }
            return answer;
        } catch (HttpError e) {
            metrics.failure.labelValues(entry.name(), String.valueOf(e.status)).inc();
            throw e;
        }
    }

    private static void requireMethod(String actual, String expected) {
        if (!actual.equals(expected)) {
            throw new HttpError(405, "use " + expected);
        }
    }

    private JsonNode readBody(Request request) throws IOException {
        long length = request.getLength();
        if (length > config.maxRequestBytes()) {
            throw new HttpError(413, "request body of " + length + " bytes exceeds the limit of "
                    + config.maxRequestBytes());
        }
        byte[] bytes;
        try (InputStream in = Content.Source.asInputStream(request)) {
            bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, config.maxRequestBytes() + 1));
        }
        if (bytes.length > config.maxRequestBytes()) {
            throw new HttpError(413, "request body exceeds the limit of " + config.maxRequestBytes() + " bytes");
        }
        try {
            JsonNode node = Json.JSON.readTree(bytes);
            if (node == null || !node.isObject()) {
                throw new HttpError(400, "request body must be a JSON object");
            }
            return node;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new HttpError(400, "invalid JSON: " + e.getOriginalMessage());
        }
    }

    private ObjectNode metadata(DeployedModels.Entry entry) {
        ObjectNode meta = Json.JSON.createObjectNode().put("name", entry.name());
        ArrayNode versions = meta.putArray("versions");
        models.versions(entry.name()).forEach(versions::add);
        meta.put("platform", "dl4j_mlp");
        Schema schema = Json.readJson(entry.model().dir().resolve(PackagedModel.INPUT_SCHEMA_FILE), Schema.class);
        ArrayNode inputs = meta.putArray("inputs");
        for (Field f : schema.fields()) {
            inputs.addObject().put("name", f.name()).put("datatype", datatype(f)).putArray("shape").add(-1);
        }
        ArrayNode outputs = meta.putArray("outputs");
        if (entry.model().info().task() == Task.CLASSIFICATION) {
            outputs.addObject().put("name", "label").put("datatype", "BYTES").putArray("shape").add(-1);
            outputs.addObject().put("name", "probabilities").put("datatype", "FP32").putArray("shape").add(-1)
                    .add(entry.model().info().classes().size());
        } else {
            outputs.addObject().put("name", "prediction").put("datatype", "FP64").putArray("shape").add(-1);
        }
        return meta;
    }

    private static String datatype(Field f) {
        return switch (f.type()) {
            case INTEGER -> "INT64";
            case NUMBER -> "FP64";
            case BOOLEAN -> "BOOL";
            default -> "BYTES";
        };
    }

    /** Tabular OIP inference: one named input per feature column, rows along the first dimension. */
    private JsonNode infer(DeployedModels.Entry entry, JsonNode request, boolean shadow) {
        long started = System.nanoTime();
        List<String> features = entry.features();
        JsonNode inputs = request.get("inputs");
        if (inputs == null || !inputs.isArray() || inputs.isEmpty()) {
            throw new HttpError(400, "'inputs' must be a non-empty array with one input per feature column " + features);
        }
        Map<String, List<String>> columns = new HashMap<>();
        int rows = -1;
        for (JsonNode input : inputs) {
            String name = input.path("name").asText(null);
            if (name == null) {
                throw new HttpError(400, "every input needs a 'name'");
            }
            if (!features.contains(name)) {
                throw new HttpError(400, "unexpected input '" + name + "'; this model takes " + features);
            }
            List<String> values = new ArrayList<>();
            flatten(input.get("data"), values, name);
            long declared = input.path("shape").path(0).asLong(values.size());
            if (declared != values.size()) {
                throw new HttpError(400, "input '" + name + "' declares shape " + input.path("shape") + " but has "
                        + values.size() + " values");
            }
            if (rows >= 0 && values.size() != rows) {
                throw new HttpError(400, "input '" + name + "' has " + values.size() + " rows, others have " + rows);
            }
            rows = values.size();
            columns.put(name, values);
        }
        List<String> missing = features.stream().filter(f -> !columns.containsKey(f)).toList();
        if (!missing.isEmpty()) {
            throw new HttpError(400, "missing inputs " + missing + "; send one input per feature column, null for"
                    + " a missing value");
        }
        if (rows > config.maxRows()) {
            throw new HttpError(400, "batch of " + rows + " rows exceeds the limit of " + config.maxRows());
        }
        Set<String> requested = requestedOutputs(request, entry);
        List<List<String>> ordered = features.stream().map(columns::get).toList();
        List<String[]> raw = new ArrayList<>(rows);
        for (int r = 0; r < rows; r++) {
            String[] row = new String[ordered.size()];
            for (int c = 0; c < row.length; c++) {
                row[c] = ordered.get(c).get(r);
            }
            raw.add(row);
        }
        List<Prediction> predictions = entry.batcher().predict(raw);
        if (!shadow) {
            entry.traffic().record(raw, predictions);
        }
        metrics.rows.labelValues(entry.name(), entry.version()).inc(rows);
        String id = request.hasNonNull("id") ? request.get("id").asText() : UUID.randomUUID().toString();
        ObjectNode response = Json.JSON.createObjectNode().put("model_name", entry.name())
                .put("model_version", entry.version()).put("id", id);
        ArrayNode outputs = response.putArray("outputs");
        boolean classification = entry.model().info().task() == Task.CLASSIFICATION;
        if (classification) {
            ObjectNode label = outputs.addObject().put("name", "label").put("datatype", "BYTES");
            label.putArray("shape").add(rows);
            ArrayNode labels = label.putArray("data");
            int k = entry.model().info().classes().size();
            ObjectNode probs = outputs.addObject().put("name", "probabilities").put("datatype", "FP32");
            probs.putArray("shape").add(rows).add(k);
            probs.putObject("parameters").put("classes", String.join(",", entry.model().info().classes()));
            ArrayNode data = probs.putArray("data");
            for (Prediction p : predictions) {
                labels.add(p.label());
                for (double v : p.probabilities()) {
                    data.add((float) v);
                }
            }
        } else {
            ObjectNode out = outputs.addObject().put("name", "prediction").put("datatype", "FP64");
            out.putArray("shape").add(rows);
            ArrayNode data = out.putArray("data");
            predictions.forEach(p -> data.add(p.value()));
        }
        for (int i = outputs.size() - 1; i >= 0; i--) {
            if (!requested.contains(outputs.get(i).get("name").asText())) {
                outputs.remove(i);
            }
        }
        if (log != null) {
            double latencyMs = (System.nanoTime() - started) / 1e6;
            String time = Instant.now().toString();
            List<PredictionLogEntry> entries = new ArrayList<>(rows);
            for (int r = 0; r < rows; r++) {
                Map<String, String> values = new LinkedHashMap<>();
                for (int c = 0; c < features.size(); c++) {
                    values.put(features.get(c), raw.get(r)[c]);
                }
                Prediction p = predictions.get(r);
                entries.add(new PredictionLogEntry(time, id, r, entry.name(), entry.version(), latencyMs, values,
                        classification ? p.label() : String.valueOf(p.value()), classification ? p.value() : null, null,
                        shadow ? Boolean.TRUE : null));
            }
            log.append(entries);
        }
        return response;
    }

    /** The outputs a request names ({@code "outputs": [{"name": ...}]}), all of the model's when it names none. */
    private static Set<String> requestedOutputs(JsonNode request, DeployedModels.Entry entry) {
        List<String> available = entry.model().info().task() == Task.CLASSIFICATION
                ? List.of("label", "probabilities") : List.of("prediction");
        JsonNode outputs = request.get("outputs");
        if (outputs == null || outputs.isNull()) {
            return Set.copyOf(available);
        }
        if (!outputs.isArray()) {
            throw new HttpError(400, "'outputs' must be an array of {\"name\": ...}");
        }
        Set<String> names = new HashSet<>();
        for (JsonNode output : outputs) {
            String name = output.path("name").asText(null);
            if (name == null || !available.contains(name)) {
                throw new HttpError(400, "unknown output " + (name == null ? "without a 'name'" : "'" + name + "'")
                        + "; this model has " + available);
            }
            names.add(name);
        }
        return names.isEmpty() ? Set.copyOf(available) : names;
    }

    /**
     * Ground truth that arrived after the prediction: {@code {"id": REQUEST_ID, "labels": [...]}},
     * one label per row of that request, joined with the prediction log by the monitor.
     */
    private JsonNode feedback(DeployedModels.Entry entry, JsonNode body) {
        String id = body.path("id").asText("");
        JsonNode labels = body.get("labels");
        if (id.isBlank() || labels == null || !labels.isArray() || labels.isEmpty()) {
            throw new HttpError(400, "feedback needs {\"id\": REQUEST_ID, \"labels\": [one per row of that request]}");
        }
        if (log == null) {
            throw new HttpError(409, "this server keeps no prediction log to attach feedback to");
        }
        ObjectNode line = Json.JSON.createObjectNode().put("time", Instant.now().toString()).put("requestId", id)
                .put("model", entry.name()).put("version", entry.version());
        line.set("labels", labels);
        log.feedback(line.toString());
        return Json.JSON.createObjectNode().put("id", id).put("accepted", labels.size());
    }

    /** Row-major values of one input, nested or flat; JSON null is a missing value. */
    private static void flatten(JsonNode data, List<String> out, String input) {
        if (data == null || !data.isArray()) {
            throw new HttpError(400, "input '" + input + "' needs a 'data' array");
        }
        for (JsonNode v : data) {
            if (v.isArray()) {
                flatten(v, out, input);
            } else if (v.isNull()) {
                out.add(null);
            } else if (v.isNumber() || v.isTextual() || v.isBoolean()) {
                out.add(v.asText());
            } else {
                throw new HttpError(400, "input '" + input + "' has an element that is not a number, string or bool");
            }
        }
    }

    private static String modelName(JsonNode body) {
        String name = body.path("model").asText(null);
        if (name == null) {
            throw new HttpError(400, "body needs {\"model\": \"NAME\"}");
        }
        return name;
    }

    private static ObjectNode routeAnswer(DeployedModels.Route route, String what) {
        ObjectNode answer = Json.JSON.createObjectNode().put("name", route.primary().name())
                .put("primary", route.primary().version()).put("result", what);
        answer.put("previous", route.previous() == null ? null : route.previous().version());
        answer.put("canary", route.canary() == null ? null : route.canary().version());
        answer.put("canaryWeight", route.weight());
        answer.put("shadow", route.shadow() == null ? null : route.shadow().version());
        return answer;
    }

    /**
     * Loads a registered version (its package verified first) and routes it by strategy: direct
     * (swap), blue-green (swap only after the new version answers a probe; the old one stays warm),
     * canary (a share of requests) or shadow (mirrored, never answers).
     */
    private JsonNode adminDeploy(JsonNode body) {
        if (config.registry() == null) {
            throw new HttpError(409, "this server has no registry to deploy from");
        }
        String refText = body.path("model").asText(null);
        if (refText == null) {
            throw new HttpError(400, "body needs {\"model\": \"NAME[@VERSION|@ALIAS]\"}");
        }
        DeploymentStrategy strategy = DeploymentStrategy.parse(body.path("strategy").asText("direct"));
        if (strategy == null) {
            throw new HttpError(400, "strategy must be one of " + DeploymentStrategy.names());
        }
        double weight = body.path("weight").asDouble(0.1);
        strategy.check(weight);
        ModelVersion version = config.registry().resolve(ModelRef.parse(refText));
        PackagedModel model = PackagedModel.load(config.registry().packageDir(version));
        strategy.admit(model, version.ref());
        DeployedModels.Route route = models.deploy(version.name(), String.valueOf(version.version()), model, strategy,
                weight);
        ObjectNode answer = routeAnswer(route, "deployed");
        answer.put("version", String.valueOf(version.version())).put("digest", version.packageDigest())
                .put("strategy", strategy.userName()).put("deployed", true);
        return answer;
    }

    private JsonNode admin(Request request, String path, String method) throws IOException {
        if (tokenDigest == null) {
            throw new HttpError(404, "the admin API is disabled: start the server with MLOPS_ADMIN_TOKEN or --token-file");
        }
        String header = request.getHeaders().get(HttpHeader.AUTHORIZATION);
        String presented = header != null && header.startsWith("Bearer ") ? header.substring(7) : "";
        byte[] presentedDigest = Sha256.newDigest().digest(presented.getBytes(StandardCharsets.UTF_8));
        if (!MessageDigest.isEqual(tokenDigest, presentedDigest)) {
            throw new HttpError(401, "missing or wrong admin token");
        }
        requireMethod(method, "POST");
        JsonNode body = readBody(request);
        JsonNode answer = switch (path) {
            case "/admin/deploy" -> adminDeploy(body);
            case "/admin/promote" -> routeAnswer(models.promote(modelName(body)), "promoted");
            case "/admin/rollback" -> routeAnswer(models.rollback(modelName(body)), "rolled back");
            default -> throw new HttpError(404, "no such admin endpoint: " + path);
        };
        DeployedModels.Route now = models.routeOf(answer.path("name").asText());
        if (now != null) {
            metrics.canaryWeight.labelValues(now.primary().name()).set(now.canary() == null ? 0 : now.weight());
        }
        if (config.registry() != null) {
            config.registry().audit().append("admin-api", "server" + path.substring("/admin".length()),
                    answer.path("name").asText(), null, Json.JSON.convertValue(answer, TreeMap.class));
        }
        return answer;
    }
}
