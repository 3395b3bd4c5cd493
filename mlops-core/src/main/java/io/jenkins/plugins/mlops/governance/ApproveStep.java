package io.jenkins.plugins.mlops.governance;

import io.jenkins.plugins.mlops.audit.AuditLog;
import io.jenkins.plugins.mlops.contract.Check;
import io.jenkins.plugins.mlops.contract.CheckStatus;
import io.jenkins.plugins.mlops.contract.InvalidInputException;
import io.jenkins.plugins.mlops.contract.ApprovalDecision;
import io.jenkins.plugins.mlops.contract.GateDecision;
import io.jenkins.plugins.mlops.contract.Stage;
import io.jenkins.plugins.mlops.contract.Status;
import io.jenkins.plugins.mlops.contract.StepResult;
import io.jenkins.plugins.mlops.data.Sha256;
import io.jenkins.plugins.mlops.report.HtmlReport;
import io.jenkins.plugins.mlops.stage.StageExecutor;
import io.jenkins.plugins.mlops.stage.StageOutput;
import io.jenkins.plugins.mlops.stage.StageRunner;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The {@code approve} step: a person's decision on a model, checked against the gate's rules
 * (group membership, four eyes) and recorded in the audit log with the digest of the evidence.
 * Refused attempts are recorded too. Rejections and overrides need a reason; an override (of a
 * FAILED gate) is marked as such in the result and the log.
 */
public final class ApproveStep extends StageExecutor<ApproveSpec> {
    public static final String STEP = Stage.APPROVE.result();

    public ApproveStep() {
        super(Stage.APPROVE, ApproveSpec.class);
    }

    @Override
    public StageOutput execute(ApproveSpec r) {
        GateDecision gate = r.gate() == null ? null
                : GateDecision.parse(readText(r.gate()), r.gate().toString());
        // the digest the gate recorded over the results it judged, which its prompt shows; else the gate file's
        String evidence = gate == null ? r.packageDigest() : gate.evidence() != null ? gate.evidence()
                : Sha256.of(r.gate());
        String gateStatus = gate == null ? null : String.valueOf(gate.status());
        String stage = gate == null ? null : gate.stage();
        if (gate != null && gate.model() != null && !gate.model().equals(r.model())) {
            throw InvalidInputException.in(r.gate(), "is about " + gate.model() + ", not " + r.model());
        }
        List<Check> checks = new ArrayList<>();
        if (gate != null) {
            boolean fits = r.decision().answers(gate.status());
            checks.add(Check.of("gate-state", fits, gateStatus, r.decision() == ApprovalDecision.OVERRIDE
                    ? "FAILED or NEEDS_APPROVAL" : "NEEDS_APPROVAL", fits ? "The gate awaits this decision."
                    : "A gate that is " + gateStatus + " cannot be " + verb(r.decision())
                    + (r.decision() == ApprovalDecision.OVERRIDE ? "" : "; a FAILED gate needs an override with a reason")));
            GateDecision.Approval approval = gate.approval() == null ? new GateDecision.Approval(null, null, null)
                    : gate.approval();
            if (approval.namesDeciders()) {
                boolean admitted = approval.admits(r.user(), r.groups());
                String who = approval.users().isEmpty() ? approval.deciders() : "among the deciders, " + approval.deciders();
                checks.add(Check.of("approver-group", admitted, r.user() + (r.groups().isEmpty() ? ""
                        : " (" + String.join(",", r.groups()) + ")"), approval.deciders(), admitted
                        ? r.user() + " is " + who + "." : r.user() + " is not " + who + ", which the policy requires."));
            }
            // four eyes unless the gate's rule relaxed it explicitly
            String startedBy = gate.startedBy();
            if (approval.requiresFourEyes() && startedBy != null) {
                boolean other = !startedBy.equals(r.user());
                checks.add(Check.of("four-eyes", other, r.user(), "not " + startedBy, other ? r.user()
                        + " did not start the run (" + startedBy + " did)." : r.user() + " started this run and may not"
                        + " approve it: four eyes."));
            }
        }
        boolean refused = checks.stream().anyMatch(c -> c.status() == CheckStatus.FAILED);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("decision", r.decision().name().toLowerCase(Locale.ROOT));
        details.put("reason", r.reason() == null ? "" : r.reason());
        details.put("stage", stage == null ? "" : stage);
        details.put("gateStatus", gateStatus == null ? "" : gateStatus);
        String action = refused ? "approval-refused" : r.decision().name().toLowerCase(Locale.ROOT);
        AuditLog.Entry entry = new AuditLog(r.registry()).append(r.user(), action, r.model(), evidence, details);
        Status status = refused || r.decision() == ApprovalDecision.REJECT ? Status.FAILED : Status.PASSED;
        String summary = refused ? "Refused: " + r.user() + " may not " + r.decision().name().toLowerCase(Locale.ROOT) + " "
                + r.model() + " (" + String.join(" ", checks.stream().filter(c -> c.status()
                == CheckStatus.FAILED).map(Check::reason).toList()) + ")"
                : (r.decision() == ApprovalDecision.OVERRIDE ? "OVERRIDE: " : "") + r.user() + " " + verb(r.decision()) + " "
                + r.model() + (stage == null ? "" : " for " + stage) + (r.reason() == null ? "" : ": " + r.reason());
        StepResult result = new StepResult(STEP, status, summary + " (audit entry " + entry.seq() + ")", checks)
                .with("model", r.model())
                .with("decision", r.decision())
                .with("override", r.decision() == ApprovalDecision.OVERRIDE && !refused)
                .with("refused", refused)
                .with("approver", r.user())
                .with("reason", r.reason())
                .with("evidence", evidence)
                .with("auditEntry", entry);
        HtmlReport report = HtmlReport.forResult("Approval", result);
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("model", r.model());
        facts.put("decision", r.decision().name() + (refused ? " (refused)" : ""));
        facts.put("approver", r.user());
        facts.put("reason", r.reason() == null ? "" : r.reason());
        facts.put("evidence SHA-256", evidence);
        facts.put("audit entry", entry.seq() + " " + entry.hash());
        report.section("Decision").facts(facts);
        return StageOutput.of(result, report);
    }

    private static String readText(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw InvalidInputException.in(file, "cannot read: " + e.getMessage());
        }
    }

    private static String verb(ApprovalDecision d) {
        return switch (d) {
            case APPROVE -> "approved";
            case REJECT -> "rejected";
            case OVERRIDE -> "overrode the gate for";
        };
    }
}
