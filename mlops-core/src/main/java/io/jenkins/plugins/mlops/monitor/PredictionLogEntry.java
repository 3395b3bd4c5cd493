package io.jenkins.plugins.mlops.monitor;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;

/**
 * One line of the model server's prediction log (JSON Lines): one scored row.
 *
 * @param inputs the raw feature values as received ({@code null} = missing)
 * @param prediction the predicted label (classification) or value (regression), as text
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PredictionLogEntry(String time, String requestId, int row, String model, String version,
                                 double latencyMs, Map<String, String> inputs, String prediction, Double score) {
}
