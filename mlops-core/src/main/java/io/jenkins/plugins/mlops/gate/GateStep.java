package io.jenkins.plugins.mlops.gate;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.mlops.contract.Check;
import io.jenkins.plugins.mlops.contract.CheckStatus;
import io.jenkins.plugins.mlops.contract.InvalidInputException;
import io.jenkins.plugins.mlops.contract.Json;
import io.jenkins.plugins.mlops.contract.Status;
import io.jenkins.plugins.mlops.contract.StepResult;
import io.jenkins.plugins.mlops.report.HtmlReport;
import io.jenkins.plugins.mlops.report.StepOutputWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The {@code gate} step: one decision from earlier step results. FAILED when any step failed
 * (naming every failed check), NEEDS_APPROVAL when all passed but a person must approve, PASSED
 * otherwise.
 */
public final class GateStep {
    public static final String STEP = "gate";

    private GateStep() {
    }

    /** An earlier step's result as read from its {@code <step>.json}. */
    record Input(Path file, String step, Status status, String summary, List<String> failedChecks) {
    }

    public static StepResult run(List<Path> results, boolean requireApproval, Path outDir) {
        List<Input> inputs = new ArrayList<>();
        for (Path p : results) {
            inputs.addAll(read(p));
        }
        if (inputs.isEmpty()) {
            throw new InvalidInputException("no step results (<step>.json) found in " + results);
        }
        List<Check> checks = new ArrayList<>();
        List<String> reasons = new ArrayList<>();
        for (Input in : inputs) {
            boolean ok = in.status() == Status.PASSED;
            String reason = ok ? in.step() + " passed: " + in.summary()
                    : in.step() + " " + in.status().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ')
                    + (in.failedChecks().isEmpty() ? "" : " (failed checks: " + String.join(", ", in.failedChecks()) + ")")
                    + ": " + in.summary();
            checks.add(new Check("step:" + in.step(), ok ? CheckStatus.PASSED : CheckStatus.FAILED, in.status().name(),
                    "PASSED", reason));
            if (!ok) {
                reasons.add(reason);
            }
        }
        Status status;
        String summary;
        if (!reasons.isEmpty()) {
            status = Status.FAILED;
            summary = "Rejected: " + String.join(" ", reasons);
        } else if (requireApproval) {
            status = Status.NEEDS_APPROVAL;
            summary = "All " + inputs.size() + " step results passed; a person must approve before the model moves on.";
        } else {
            status = Status.PASSED;
            summary = "Accepted: all " + inputs.size() + " step results passed ("
                    + String.join(", ", inputs.stream().map(Input::step).toList()) + ").";
        }
        StepResult result = new StepResult(STEP, status, summary, checks)
                .with("inputs", inputs.stream().map(i -> java.util.Map.of("step", i.step(), "status", i.status(),
                        "file", i.file().toString())).toList())
                .with("requireApproval", requireApproval);
        StepOutputWriter.write(outDir, result, HtmlReport.forResult("Gate decision", result));
        return result;
    }

    /** A result file, or every step result directly inside a folder (the gate's own skipped). */
    static List<Input> read(Path p) {
        if (Files.isDirectory(p)) {
            List<Input> out = new ArrayList<>();
            try (Stream<Path> files = Files.list(p)) {
                for (Path f : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                    JsonNode node = Json.readTree(f);
                    if (isStepResult(node) && !STEP.equals(node.get("step").asText())) {
                        out.add(input(f, node));
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return out;
        }
        if (!Files.exists(p)) {
            throw InvalidInputException.in(p, "no such file or folder");
        }
        JsonNode node = Json.readTree(p);
        if (!isStepResult(node)) {
            throw InvalidInputException.in(p, "not a step result (needs schemaVersion, step and status)");
        }
        return List.of(input(p, node));
    }

    private static boolean isStepResult(JsonNode node) {
        return node.has("schemaVersion") && node.has("step") && node.has("status");
    }

    private static Input input(Path file, JsonNode node) {
        Status status;
        try {
            status = Status.valueOf(node.get("status").asText());
        } catch (IllegalArgumentException e) {
            throw InvalidInputException.in(file, "unknown status '" + node.get("status").asText() + "'");
        }
        List<String> failed = new ArrayList<>();
        node.path("checks").forEach(c -> {
            if ("FAILED".equals(c.path("status").asText())) {
                failed.add(c.path("name").asText());
            }
        });
        return new Input(file, node.get("step").asText(), status, node.path("summary").asText(), failed);
    }
}
