package io.jenkins.plugins.mlops.monitor;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;

/**
 * One line of the model server's prediction log (JSON Lines): one scored row.
 *
 * @param inputs the raw feature values as received ({@code null} = missing)
 * @param prediction the predicted label (classification) or value (regression), as text
 * @param actual the ground truth, when feedback arrived (joined by the monitor, not logged)
 * @param shadow true for a shadow model's prediction of a request another version answered
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PredictionLogEntry(String time, String requestId, int row, String model, String version,
                                 double latencyMs, Map<String, String> inputs, String prediction, Double score,
                                 String actual, Boolean shadow) {
    public PredictionLogEntry withActual(String label) {
        return new PredictionLogEntry(time, requestId, row, model, version, latencyMs, inputs, prediction, score, label,
                shadow);
    }

    public boolean isShadow() {
        return Boolean.TRUE.equals(shadow);
    }
}
