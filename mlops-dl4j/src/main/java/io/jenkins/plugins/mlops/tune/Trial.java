package io.jenkins.plugins.mlops.tune;

import java.util.Map;

/**
 * One trial's record in {@code tune.json}.
 *
 * @param id the first 12 hex digits of the SHA-256 of its canonical parameters: the same
 *     parameters are the same trial on every machine and shard
 * @param value the metric on the validation share of the training rows; {@code score} the same
 *     turned so that higher is better
 * @param status {@code OK}, or {@code FAILED} with the reason in {@code error} (e.g. NaN loss)
 */
public record Trial(String id, Map<String, Object> params, int epochs, Double value, Double score, double seconds,
                    String status, String error) {
}
