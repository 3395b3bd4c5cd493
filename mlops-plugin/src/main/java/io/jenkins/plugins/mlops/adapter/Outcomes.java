package io.jenkins.plugins.mlops.adapter;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.mlops.contract.ExitCodes;
import io.jenkins.plugins.mlops.contract.Json;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Turns what the engine left behind (its exit code and {@code <step>.json}) into the step's
 * outcome and the build result, following design.md's exit codes: 0 passed, 1 the checked thing
 * failed (the build becomes {@code failOn}), 2 an input error (the step fails with the engine's
 * one-line message, which is already in the log).
 */
public final class Outcomes {
    /** The step contract's own fields (design.md), which the outcome already holds. */
    private static final java.util.Set<String> CONTRACT_FIELDS = java.util.Set.of("schemaVersion", "step", "status",
            "summary");

    private Outcomes() {
    }

    /** @param json the content of {@code <step>.json}, or {@code null} when the engine wrote none */
    public static StepOutcome of(String step, int exitCode, String json, String reportDir, FailOn failOn) {
        if (exitCode != ExitCodes.PASSED && exitCode != ExitCodes.CHECK_FAILED && exitCode != ExitCodes.INPUT_ERROR) {
            throw new IllegalStateException("mlops " + step + " exited with " + exitCode
                    + ", which the step contract does not define: a bug in the engine, see the log above");
        }
        String status = exitCode == ExitCodes.INPUT_ERROR ? "ERROR" : exitCode == 0 ? "PASSED" : "FAILED";
        String summary = exitCode == ExitCodes.INPUT_ERROR ? "input error: see the line from mlops in the log" : "";
        Map<String, Double> metrics = new LinkedHashMap<>();
        Map<String, String> details = new LinkedHashMap<>();
        // after an input error the engine writes no result: any file there is not this run's
        if (json != null && exitCode != ExitCodes.INPUT_ERROR) {
            JsonNode result = read(json, step);
            status = result.path("status").asText(status);
            summary = result.path("summary").asText(summary);
            for (JsonNode check : result.path("checks")) {
                if (check.path("value").isNumber()) {
                    metrics.put(check.path("name").asText(), check.path("value").asDouble());
                }
            }
            result.fields().forEachRemaining(field -> {
                JsonNode value = field.getValue();
                if (value.isValueNode() && !value.isNull() && !CONTRACT_FIELDS.contains(field.getKey())) {
                    details.put(field.getKey(), value.asText());
                    // fractions (a drifted share) trend; whole numbers at the top are counts and ids
                    if (value.isFloatingPointNumber()) {
                        metrics.putIfAbsent(field.getKey(), value.asDouble());
                    }
                }
            });
        }
        String buildResult = switch (status) {
            // a gate that waits for a person is not a failure: approveModel decides, and an approved
            // model must not leave the build marked as if it had failed
            case "PASSED", "NEEDS_APPROVAL" -> "SUCCESS";
            case "ERROR" -> "FAILURE";
            default -> failOn.name();
        };
        return new StepOutcome(step, status, summary, exitCode, reportDir, buildResult, metrics, details);
    }

    private static JsonNode read(String json, String step) {
        try {
            return Json.JSON.readTree(json);
        } catch (IOException e) {
            throw new IllegalStateException("mlops " + step + " wrote a result that is not JSON: " + e.getMessage(), e);
        }
    }
}
