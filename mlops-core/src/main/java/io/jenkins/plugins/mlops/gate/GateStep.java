package io.jenkins.plugins.mlops.gate;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.mlops.contract.GateDecision.Approval;
import io.jenkins.plugins.mlops.contract.Check;
import io.jenkins.plugins.mlops.contract.CheckStatus;
import io.jenkins.plugins.mlops.contract.InvalidInputException;
import io.jenkins.plugins.mlops.contract.Json;
import io.jenkins.plugins.mlops.contract.Provenance;
import io.jenkins.plugins.mlops.contract.Stage;
import io.jenkins.plugins.mlops.contract.Status;
import io.jenkins.plugins.mlops.contract.StepResult;
import io.jenkins.plugins.mlops.audit.AuditLog;
import io.jenkins.plugins.mlops.data.Sha256;
import io.jenkins.plugins.mlops.report.HtmlReport;
import io.jenkins.plugins.mlops.stage.StageExecutor;
import io.jenkins.plugins.mlops.stage.StageOutput;
import io.jenkins.plugins.mlops.stage.StageRunner;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The {@code gate} step: one decision from earlier step results. FAILED when any step failed
 * (naming every failed check), NEEDS_APPROVAL when all passed but a person must approve, PASSED
 * otherwise.
 */
public final class GateStep extends StageExecutor<GateSpec> {
    public static final String STEP = Stage.GATE.result();
    /** The prefix of the checks for results a policy requires. */
    private static final String REQUIRED = "required:";

    /** An earlier step's result as read from its {@code <step>.json}. */
    record Input(Path file, String step, Status status, String summary, List<String> failedChecks,
                 Provenance provenance) {
    }

    public GateStep() {
        super(Stage.GATE, GateSpec.class);
    }

    public static StepResult run(List<Path> results, boolean requireApproval, Path outDir) {
        return StageRunner.run(new GateStep(), new GateSpec(results, requireApproval), outDir);
    }

    @Override
    public StageOutput execute(GateSpec request) {
        GatePolicy policy = request.policy() == null ? null : GatePolicy.read(request.policy());
        List<Input> inputs = new ArrayList<>();
        for (Path p : request.results()) {
            inputs.addAll(read(p));
        }
        if (inputs.isEmpty()) {
            throw new InvalidInputException("no step results (<step>.json) found in " + request.results());
        }
        GatePolicy.StageRule rule = policy == null ? null : policy.rule(request.stage(), request.policy());
        List<Check> checks = new ArrayList<>(requirements(rule, request.stage(), inputs));
        inputs.forEach(in -> checks.add(stepCheck(in)));
        Check provenance = provenance(inputs);
        if (provenance != null) {
            checks.add(provenance);
        }
        List<String> reasons = checks.stream().filter(c -> c.status() == CheckStatus.FAILED)
                .map(c -> c.name().startsWith(REQUIRED) ? c.reason() + "." : c.reason()).toList();
        // an approval without a policy still has four eyes: the one who started the run may not decide
        Approval approval = rule != null && rule.approval() != null ? rule.approval().effective()
                : rule == null && request.requireApproval() ? new Approval(null, null, true) : null;
        Status status = !reasons.isEmpty() ? Status.FAILED : approval != null ? Status.NEEDS_APPROVAL : Status.PASSED;
        String summary = summary(status, request, inputs, reasons, approval);
        String evidence = evidence(inputs);
        StepResult result = new StepResult(STEP, status, summary, checks)
                .with("inputs", inputs.stream().map(i -> Map.of("step", i.step(), "status", i.status(),
                        "file", i.file().toString())).toList())
                .with("requireApproval", approval != null)
                .with("stage", request.stage())
                .with("approval", approval)
                .with("startedBy", request.startedBy())
                .with("model", request.model())
                .with("evidence", evidence);
        if (request.registry() != null && request.model() != null) {
            new AuditLog(request.registry()).append(request.startedBy(), "gate", request.model(), evidence, Map.of(
                    "stage", String.valueOf(request.stage()), "status", status.name()));
        }
        return StageOutput.of(result, HtmlReport.forResult("Gate decision", result));
    }

    /** A failed check for each result the stage's rule requires and none was given. */
    private static List<Check> requirements(GatePolicy.StageRule rule, String stage, List<Input> inputs) {
        List<Check> checks = new ArrayList<>();
        if (rule != null && rule.require() != null) {
            for (String required : rule.require()) {
                if (inputs.stream().noneMatch(i -> i.step().equals(required))) {
                    checks.add(Check.failed(REQUIRED + required, "missing", "present", "the " + stage
                            + " stage requires a '" + required + "' result, and none was given"));
                }
            }
        }
        return checks;
    }

    /** A result passes the gate only when it PASSED; the check names its failed checks otherwise. */
    private static Check stepCheck(Input in) {
        boolean ok = in.status() == Status.PASSED;
        String reason = ok ? in.step() + " passed: " + in.summary()
                : in.step() + " " + in.status().name().toLowerCase(Locale.ROOT).replace('_', ' ')
                + (in.failedChecks().isEmpty() ? "" : " (failed checks: " + String.join(", ", in.failedChecks()) + ")")
                + ": " + in.summary();
        return new Check("step:" + in.step(), ok ? CheckStatus.PASSED : CheckStatus.FAILED, in.status().name(), "PASSED",
                reason);
    }

    private static String summary(Status status, GateSpec request, List<Input> inputs, List<String> reasons,
                                  Approval approval) {
        String target = request.stage() == null ? "" : " for " + request.stage();
        return switch (status) {
            case FAILED -> "Rejected" + target + ": " + String.join(" ", reasons);
            case NEEDS_APPROVAL -> "All " + inputs.size() + " step results passed; entering" + (target.isEmpty()
                    ? " the next stage" : target.replace(" for ", " ")) + " needs an approval" + (approval.namesDeciders()
                    ? " by " + approval.deciders() : "") + (approval.requiresFourEyes()
                    && request.startedBy() != null ? " other than " + request.startedBy() + ", who started the run" : "")
                    + ".";
            default -> "Accepted" + target + ": all " + inputs.size() + " step results passed ("
                    + String.join(", ", inputs.stream().map(Input::step).toList()) + ").";
        };
    }

    /** SHA-256 over the results the decision was based on, in order: what an auditor can re-check. */
    static String evidence(List<Input> inputs) {
        return Sha256.of(inputs.stream().map(Input::file).toList());
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
        return new Input(file, node.get("step").asText(), status, node.path("summary").asText(), failed,
                Provenance.of(node));
    }

    /**
     * Whether the results judged one model, and validation checked the data training trained on
     * (by SHA-256); {@code null} when fewer than two results name what they judged. Tests may use
     * other data than the hold-out rows (a new labelled batch), so their data is not compared.
     */
    static Check provenance(List<Input> inputs) {
        List<Input> named = inputs.stream().filter(i -> i.provenance() != null).toList();
        if (named.size() < 2) {
            return null;
        }
        List<String> disagreements = new ArrayList<>();
        Map<String, List<String>> stepsByModel = new LinkedHashMap<>();
        for (Input in : named) {
            if (in.provenance().model() != null) {
                stepsByModel.computeIfAbsent(in.provenance().model(), m -> new ArrayList<>()).add(in.step());
            }
        }
        if (stepsByModel.size() > 1) {
            disagreements.add("the results judged different models: " + stepsByModel.entrySet().stream()
                    .map(e -> String.join(", ", e.getValue()) + " model " + shortDigest(e.getKey()))
                    .collect(Collectors.joining("; ")));
        }
        for (Input validation : stepsWithData(named, "validation")) {
            for (Input train : stepsWithData(named, "train")) {
                Provenance.DataFile checked = validation.provenance().data();
                Provenance.DataFile trained = train.provenance().data();
                if (!checked.sha256().equals(trained.sha256())) {
                    disagreements.add("validation checked " + checked.file() + " (" + shortDigest(checked.sha256())
                            + ") but train trained on " + trained.file() + " (" + shortDigest(trained.sha256()) + ")");
                }
            }
        }
        if (!disagreements.isEmpty()) {
            return Check.failed("provenance", "disagree", "one model; validated data = trained data",
                    "The results do not fit together: " + String.join("; ", disagreements) + ".");
        }
        return Check.passed("provenance", "agree", "one model; validated data = trained data",
                "The " + named.size() + " results that name their inputs agree"
                        + (stepsByModel.isEmpty() ? "" : ": one model, " + shortDigest(stepsByModel.keySet().iterator()
                        .next())) + ".");
    }

    private static List<Input> stepsWithData(List<Input> inputs, String step) {
        return inputs.stream().filter(i -> i.step().equals(step) && i.provenance().data() != null).toList();
    }

    private static String shortDigest(String sha256) {
        return sha256.length() > 12 ? sha256.substring(0, 12) : sha256;
    }
}
