package io.jenkins.plugins.mlops.adapter;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.mlops.contract.Check;
import io.jenkins.plugins.mlops.contract.ExitCodes;
import io.jenkins.plugins.mlops.contract.InvalidInputException;
import io.jenkins.plugins.mlops.contract.Json;
import io.jenkins.plugins.mlops.contract.ResultFile;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns what the engine left behind (its exit code and {@code <step>.json}) into the step's
 * outcome and the build result, following design.md's exit codes: 0 passed, 1 the checked thing
 * failed (the build becomes {@code failOn}), 2 an input error (the step fails with the engine's
 * one-line message, which is already in the log).
 */
public final class Outcomes {
    /** The step contract's own fields (design.md), which the outcome already holds. */
    private static final Set<String> CONTRACT_FIELDS = Set.of("schemaVersion", "step", "status",
            "summary");

    private Outcomes() {
    }

    /**
     * @param json the content of {@code <step>.json}, or {@code null} when the engine wrote none
     * @throws EngineFailure when the engine did not end as the step contract says (an exit code it does
     *     not define, such as a crash or an out-of-memory, or a verdict without its result file): an
     *     error of the step, never a failed check
     */
    public static StepOutcome of(String step, int exitCode, String json, String reportDir, FailOn failOn) {
        if (exitCode != ExitCodes.PASSED && exitCode != ExitCodes.CHECK_FAILED && exitCode != ExitCodes.INPUT_ERROR) {
            throw new EngineFailure("mlops " + step + ": the engine ended with exit code " + exitCode
                    + describe(exitCode) + " and no verdict; see the log above");
        }
        if (json == null && exitCode != ExitCodes.INPUT_ERROR) {
            throw new EngineFailure("mlops " + step + ": the engine ended with exit code " + exitCode + " but wrote no "
                    + step + ".json in " + reportDir + "; see the log above");
        }
        String status = exitCode == ExitCodes.INPUT_ERROR ? "ERROR" : exitCode == 0 ? "PASSED" : "FAILED";
        String summary = exitCode == ExitCodes.INPUT_ERROR ? "input error: see the line from mlops in the log" : "";
        Map<String, Double> metrics = new LinkedHashMap<>();
        Map<String, String> details = new LinkedHashMap<>();
        // after an input error the engine writes no result: any file there is not this run's
        if (json != null && exitCode != ExitCodes.INPUT_ERROR) {
            ResultFile result = parse(json, step);
            status = result.status() == null ? status : result.status().name();
            summary = result.summary() == null ? summary : result.summary();
            for (Check check : result.checks()) {
                if (check.value() instanceof Number value) {
                    metrics.put(check.name(), value.doubleValue());
                }
            }
            // the stage's own top-level words and numbers, whatever the stage
            read(json, step).fields().forEachRemaining(field -> {
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
            default -> failOn == FailOn.NONE ? "SUCCESS" : failOn.name();
        };
        return new StepOutcome(step, status, summary, exitCode, reportDir, buildResult, metrics, details);
    }

    /** The checks of {@code <step>.json} for the step's published check; none when the engine wrote no result. */
    public static List<Check> checks(String json, String step) {
        return json == null ? List.of() : parse(json, step).checks();
    }

    /** What a JVM's exit code usually means, for the one-line error. */
    private static String describe(int exitCode) {
        return switch (exitCode) {
            case 3 -> " (out of memory: raise maxHeap)";
            case 137 -> " (killed, often by the kernel for lack of memory)";
            case 134 -> " (the JVM aborted, e.g. in native code)";
            case 143 -> " (terminated)";
            default -> "";
        };
    }

    private static ResultFile parse(String json, String step) {
        try {
            return ResultFile.parse(json, step + ".json");
        } catch (InvalidInputException e) {
            throw new EngineFailure("mlops " + step + ": the engine wrote a " + step + ".json that is not a step result: "
                    + e.getMessage());
        }
    }

    private static JsonNode read(String json, String step) {
        try {
            return Json.JSON.readTree(json);
        } catch (IOException e) {
            throw new EngineFailure("mlops " + step + ": the engine wrote a " + step + ".json that is not JSON");
        }
    }
}
