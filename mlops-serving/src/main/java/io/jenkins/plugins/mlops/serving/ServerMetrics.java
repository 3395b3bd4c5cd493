package io.jenkins.plugins.mlops.serving;

import io.jenkins.plugins.mlops.drift.ColumnDrift;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The server's Prometheus metrics, named as MLServer names them ({@code model_infer_request_*},
 * labels {@code model} and {@code version}) so that existing dashboards and canary analyses read
 * them unchanged. One registry per server, so that several servers in one JVM (tests) do not mix.
 */
final class ServerMetrics {
    static final String CONTENT_TYPE = PrometheusTextFormatWriter.CONTENT_TYPE;

    private final PrometheusRegistry registry = new PrometheusRegistry();
    final Counter success = Counter.builder().name("model_infer_request_success")
            .help("Inference requests answered").labelNames("model", "version").register(registry);
    final Counter failure = Counter.builder().name("model_infer_request_failure")
            .help("Inference requests refused or failed, by HTTP status").labelNames("model", "code").register(registry);
    final Counter rows = Counter.builder().name("model_infer_rows")
            .help("Rows scored").labelNames("model", "version").register(registry);
    final io.prometheus.metrics.core.metrics.Gauge canaryWeight = io.prometheus.metrics.core.metrics.Gauge.builder()
            .name("model_canary_weight").help("Share of requests routed to the canary (0 without one)")
            .labelNames("model").register(registry);
    final Histogram duration = Histogram.builder().name("model_infer_request_duration_seconds")
            .help("Time to answer an inference request, parsing and logging included")
            .classicUpperBounds(0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5)
            .labelNames("model", "version").register(registry);

    final io.prometheus.metrics.core.metrics.Gauge inputDrift = io.prometheus.metrics.core.metrics.Gauge.builder()
            .name("model_input_drift").help("1 when a feature of the recent requests drifted from the training"
                    + " reference (significant after correction and past the effect floor), 0 when not, NaN with too"
                    + " few rows").labelNames("model", "version", "feature").register(registry);
    final io.prometheus.metrics.core.metrics.Gauge inputDriftEffect = io.prometheus.metrics.core.metrics.Gauge.builder()
            .name("model_input_drift_effect").help("Effect size of a feature's drift: normalised Wasserstein"
                    + " distance for numbers, Jensen-Shannon distance for categories")
            .labelNames("model", "version", "feature").register(registry);
    final io.prometheus.metrics.core.metrics.Gauge predictionDrift = io.prometheus.metrics.core.metrics.Gauge.builder()
            .name("model_prediction_drift").help("1 when the recent predictions drifted from the model's predictions"
                    + " on its training reference, 0 when not, NaN with too few rows")
            .labelNames("model", "version").register(registry);
    final io.prometheus.metrics.core.metrics.Gauge predictionDriftEffect = io.prometheus.metrics.core.metrics.Gauge
            .builder().name("model_prediction_drift_effect").help("Effect size of the prediction drift")
            .labelNames("model", "version").register(registry);
    final io.prometheus.metrics.core.metrics.Gauge driftWindowRows = io.prometheus.metrics.core.metrics.Gauge.builder()
            .name("model_drift_window_rows").help("Recent rows the drift gauges compare with the reference")
            .labelNames("model", "version").register(registry);

    /** Sets the drift gauges of one version from its traffic window. */
    void drift(DeployedModels.Entry entry) {
        TrafficDrift traffic = entry.traffic();
        driftWindowRows.labelValues(entry.name(), entry.version()).set(traffic.rows());
        for (ColumnDrift d : traffic.compare()) {
            double drifted = switch (d.verdict()) {
                case DRIFT -> 1;
                case NO_DRIFT -> 0;
                case INSUFFICIENT_DATA -> Double.NaN;
            };
            double effect = d.effect() == null ? Double.NaN : d.effect();
            if (d.column().equals(TrafficDrift.PREDICTION)) {
                predictionDrift.labelValues(entry.name(), entry.version()).set(drifted);
                predictionDriftEffect.labelValues(entry.name(), entry.version()).set(effect);
            } else {
                inputDrift.labelValues(entry.name(), entry.version(), d.column()).set(drifted);
                inputDriftEffect.labelValues(entry.name(), entry.version(), d.column()).set(effect);
            }
        }
    }

    byte[] scrape() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            PrometheusTextFormatWriter.create().write(out, registry.scrape());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
