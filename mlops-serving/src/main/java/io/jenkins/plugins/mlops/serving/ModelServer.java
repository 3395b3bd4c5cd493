package io.jenkins.plugins.mlops.serving;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.mlops.contract.InvalidInputException;
import io.jenkins.plugins.mlops.contract.Json;
import io.jenkins.plugins.mlops.data.Sha256;
import io.jenkins.plugins.mlops.model.PackagedModel;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
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
    private final Inference inference;
    private final AdminApi admin;
    private final Server jetty;
    private final ServerConnector connector;
    private final byte[] tokenDigest;

    public ModelServer(ServerConfig config) {
        this.config = config;
        this.inference = new Inference(config, metrics);
        this.tokenDigest = config.adminToken() == null ? null
                : Sha256.newDigest().digest(config.adminToken().getBytes(StandardCharsets.UTF_8));
        this.admin = new AdminApi(config, models, metrics);
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
        inference.close();
        models.closeAll();
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
            requireAdmin(request);
            requireMethod(method, "POST");
            return admin.answer(path, readBody(request));
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
            return inference.answer(route.pick(body.hasNonNull("id") ? body.get("id").asText() : null), body, route);
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
            return OipCodec.metadata(entry, models.versions(entry.name()));
        }
        if (action.equals("/ready")) {
            requireMethod(method, "GET");
            return Json.JSON.createObjectNode().put("name", entry.name()).put("ready", true);
        }
        requireMethod(method, "POST");
        if (action.equals("/feedback")) {
            return inference.feedback(entry, readBody(request));
        }
        return inference.answer(entry, readBody(request), null);
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

    /** Refuses the admin API when it is disabled (404) or the bearer token is missing or wrong (401). */
    private void requireAdmin(Request request) {
        if (tokenDigest == null) {
            throw new HttpError(404, "the admin API is disabled: start the server with MLOPS_ADMIN_TOKEN or --token-file");
        }
        String header = request.getHeaders().get(HttpHeader.AUTHORIZATION);
        String presented = header != null && header.startsWith("Bearer ") ? header.substring(7) : "";
        byte[] presentedDigest = Sha256.newDigest().digest(presented.getBytes(StandardCharsets.UTF_8));
        if (!MessageDigest.isEqual(tokenDigest, presentedDigest)) {
            throw new HttpError(401, "missing or wrong admin token");
        }
    }
}
