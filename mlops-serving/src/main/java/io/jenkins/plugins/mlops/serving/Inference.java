package io.jenkins.plugins.mlops.serving;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.mlops.contract.Json;
import io.jenkins.plugins.mlops.model.Prediction;
import io.jenkins.plugins.mlops.model.Task;
import io.jenkins.plugins.mlops.monitor.PredictionLogEntry;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Scoring a request with a deployed version: the answer, its metrics and traffic statistics, the
 * shadow's scoring of the same rows after the answer, the prediction log and the feedback joined to it.
 */
final class Inference implements AutoCloseable {
    private final ServerConfig config;
    private final ServerMetrics metrics;
    /** Shadow predictions run after the answer, on one thread, dropped when they fall behind. */
    private final ThreadPoolExecutor shadows = new ThreadPoolExecutor(1, 1, 0,
            TimeUnit.SECONDS, new ArrayBlockingQueue<>(1000),
            new ThreadPoolExecutor.DiscardPolicy());
    private final PredictionLog log;

    Inference(ServerConfig config, ServerMetrics metrics) {
        this.config = config;
        this.metrics = metrics;
        this.log = config.logDir() == null ? null : new PredictionLog(config.logDir());
    }

    /** Answers with {@code entry}; with a shadow on the route, the shadow scores the same rows afterwards. */
    JsonNode answer(DeployedModels.Entry entry, JsonNode body, DeployedModels.Route route) {
        long started = System.nanoTime();
        try {
            // the shadow's log lines carry the answer's request id, generated once when the request has none
            String id = body.hasNonNull("id") ? body.get("id").asText() : UUID.randomUUID().toString();
            JsonNode answer = infer(entry, body, id, false);
            metrics.success.labelValues(entry.name(), entry.version()).inc();
            metrics.duration.labelValues(entry.name(), entry.version()).observe((System.nanoTime() - started) / 1e9);
            if (route != null && route.shadow() != null) {
                DeployedModels.Entry shadow = route.shadow();
                shadows.execute(() -> {
                    try {
                        infer(shadow, body, id, true);
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

    /** Tabular OIP inference: decoded, scored in the entry's batcher, recorded for drift and the log, encoded. */
    private JsonNode infer(DeployedModels.Entry entry, JsonNode request, String id, boolean shadow) {
        long started = System.nanoTime();
        List<String> features = entry.features();
        List<String[]> raw = OipCodec.rows(request, features, config.maxRows());
        Set<String> requested = OipCodec.requestedOutputs(request, entry);
        int rows = raw.size();
        List<Prediction> predictions = entry.batcher().predict(raw);
        if (!shadow) {
            entry.traffic().record(raw, predictions);
        }
        metrics.rows.labelValues(entry.name(), entry.version()).inc(rows);
        ObjectNode response = OipCodec.answer(entry, id, predictions, requested);
        boolean classification = entry.model().info().task() == Task.CLASSIFICATION;
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

    /**
     * Ground truth that arrived after the prediction: {@code {"id": REQUEST_ID, "labels": [...]}},
     * one label per row of that request, joined with the prediction log by the monitor.
     */
    JsonNode feedback(DeployedModels.Entry entry, JsonNode body) {
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

    @Override
    public void close() throws InterruptedException, IOException {
        shadows.shutdown();
        shadows.awaitTermination(10, TimeUnit.SECONDS);
        if (log != null) {
            log.close();
        }
    }
}
