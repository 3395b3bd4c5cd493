package io.jenkins.plugins.mlops.governance;

import io.jenkins.plugins.mlops.audit.AuditLog;
import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.mlops.contract.Check;
import io.jenkins.plugins.mlops.contract.CheckStatus;
import io.jenkins.plugins.mlops.contract.InvalidInputException;
import io.jenkins.plugins.mlops.contract.Json;
import io.jenkins.plugins.mlops.contract.Stage;
import io.jenkins.plugins.mlops.contract.Status;
import io.jenkins.plugins.mlops.contract.StepResult;
import io.jenkins.plugins.mlops.data.Sha256;
import io.jenkins.plugins.mlops.report.HtmlReport;
import io.jenkins.plugins.mlops.report.StepOutputWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The {@code approve} step: a person's decision on a model, checked against the gate's rules
 * (group membership, four eyes) and recorded in the audit log with the digest of the evidence.
 * Refused attempts are recorded too. Rejections and overrides need a reason; an override (of a
 * FAILED gate) is marked as such in the result and the log.
 */
public final class ApproveStep {
    public static final String STEP = Stage.APPROVE.result();

    public enum Decision {
        APPROVE,
        REJECT,
        OVERRIDE;

        public static Decision parse(String text) {
            try {
                return valueOf(text.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException("--decision must be approve, reject or override (got " + text + ")");
            }
        }
    }

    /**
     * @param gate the gate's {@code gate.json}: its rules and evidence; may be null, then the
     *     evidence is the model's package digest
     * @param packageDigest the model's registered package digest (evidence without a gate)
     */
    public record Request(String model, Decision decision, String reason, String user, Set<String> groups, Path gate,
                          String packageDigest, AuditLog audit) {
    }

    private ApproveStep() {
    }

    public static StepResult run(Request r, Path outDir) {
        if (r.user() == null || r.user().isBlank()) {
            throw new InvalidInputException("no approver identity: pass --user or set MLOPS_USER or BUILD_USER_ID");
        }
        if (r.decision() != Decision.APPROVE && (r.reason() == null || r.reason().isBlank())) {
            throw new InvalidInputException("a " + r.decision().name().toLowerCase(Locale.ROOT) + " needs --reason");
        }
        JsonNode gate = r.gate() == null ? null : Json.readTree(r.gate());
        // the digest the gate recorded over the results it judged, which its prompt shows; else the gate file's
        String evidence = r.gate() == null ? r.packageDigest() : gate.hasNonNull("evidence")
                ? gate.get("evidence").asText() : Sha256.of(r.gate());
        String gateStatus = gate == null ? null : gate.path("status").asText();
        String stage = gate == null ? null : gate.path("stage").asText(null);
        if (gate != null && !"gate".equals(gate.path("step").asText())) {
            throw InvalidInputException.in(r.gate(), "not a gate result");
        }
        if (gate != null && gate.hasNonNull("model") && !gate.get("model").asText().equals(r.model())) {
            throw InvalidInputException.in(r.gate(), "is about " + gate.get("model").asText() + ", not " + r.model());
        }
        List<Check> checks = new ArrayList<>();
        if (gate != null) {
            boolean fits = r.decision() == Decision.OVERRIDE ? "FAILED".equals(gateStatus) || "NEEDS_APPROVAL".equals(gateStatus)
                    : "NEEDS_APPROVAL".equals(gateStatus);
            checks.add(Check.of("gate-state", fits, gateStatus, r.decision() == Decision.OVERRIDE ? "FAILED or NEEDS_APPROVAL"
                    : "NEEDS_APPROVAL", fits ? "The gate awaits this decision." : "A gate that is " + gateStatus
                    + " cannot be " + verb(r.decision()) + (r.decision() == Decision.OVERRIDE ? "" : "; a FAILED gate needs"
                    + " an override with a reason")));
            JsonNode approval = gate.path("approval");
            String group = approval.path("group").asText(null);
            if (group != null) {
                boolean member = r.groups().contains(group);
                checks.add(Check.of("approver-group", member, String.join(",", r.groups()), group, member
                        ? r.user() + " is a member of '" + group + "'." : r.user() + " is not a member of '" + group
                        + "', which the policy requires."));
            }
            // four eyes unless the gate's rule relaxed it explicitly
            boolean fourEyes = approval.path("fourEyes").asBoolean(true);
            String startedBy = gate.path("startedBy").asText(null);
            if (fourEyes && startedBy != null) {
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
        AuditLog.Entry entry = r.audit().append(r.user(), action, r.model(), evidence, details);
        Status status = refused || r.decision() == Decision.REJECT ? Status.FAILED : Status.PASSED;
        String summary = refused ? "Refused: " + r.user() + " may not " + r.decision().name().toLowerCase(Locale.ROOT) + " "
                + r.model() + " (" + String.join(" ", checks.stream().filter(c -> c.status()
                == CheckStatus.FAILED).map(Check::reason).toList()) + ")"
                : (r.decision() == Decision.OVERRIDE ? "OVERRIDE: " : "") + r.user() + " " + verb(r.decision()) + " "
                + r.model() + (stage == null ? "" : " for " + stage) + (r.reason() == null ? "" : ": " + r.reason());
        StepResult result = new StepResult(STEP, status, summary + " (audit entry " + entry.seq() + ")", checks)
                .with("model", r.model())
                .with("decision", r.decision())
                .with("override", r.decision() == Decision.OVERRIDE && !refused)
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
        StepOutputWriter.write(outDir, result, report);
        return result;
    }

    private static String verb(Decision d) {
        return switch (d) {
            case APPROVE -> "approved";
            case REJECT -> "rejected";
            case OVERRIDE -> "overrode the gate for";
        };
    }
}
