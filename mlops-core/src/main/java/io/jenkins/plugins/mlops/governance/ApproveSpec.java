package io.jenkins.plugins.mlops.governance;

import io.jenkins.plugins.mlops.contract.InvalidInputException;
import io.jenkins.plugins.mlops.contract.ApprovalDecision;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;

/**
 * A person's decision on a model, checked before anything is recorded.
 *
 * @param model the registered version decided on ({@code NAME@VERSION})
 * @param groups the approver's groups, for the policy's approver group
 * @param gate the gate's {@code gate.json}: its rules and evidence; may be null, then the evidence
 *     is the model's package digest
 * @param packageDigest the model's registered package digest (evidence without a gate)
 * @param registry the registry whose audit log records the decision
 */
public record ApproveSpec(String model, ApprovalDecision decision, String reason, String user, Set<String> groups, Path gate,
                          String packageDigest, Path registry) {
    public ApproveSpec {
        if (user == null || user.isBlank()) {
            throw new InvalidInputException("no approver identity: pass --user or set MLOPS_USER or BUILD_USER_ID");
        }
        if (decision.needsReason() && (reason == null || reason.isBlank())) {
            throw new InvalidInputException("a " + decision.name().toLowerCase(Locale.ROOT) + " needs --reason");
        }
        groups = Set.copyOf(groups);
    }
}
