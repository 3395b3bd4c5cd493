package io.jenkins.plugins.mlops.gate;

import io.jenkins.plugins.mlops.contract.GateDecision.Approval;
import io.jenkins.plugins.mlops.contract.InvalidInputException;
import io.jenkins.plugins.mlops.contract.Json;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What a model needs to enter each target stage (YAML):
 * <pre>
 * stages:
 *   staging:
 *     require: [validation, test]          # these step results must be present and PASSED
 *   production:
 *     require: [validation, test]
 *     approval: {group: ml-leads, fourEyes: true}   # or users: [alice, carol], or both
 * </pre>
 * Without {@code approval} a stage is entered automatically when every result passed; with it the
 * gate says NEEDS_APPROVAL, and only a member of {@code group} or one of the {@code users} may decide, who must not be the
 * person who started the run (four eyes) unless the policy says {@code fourEyes: false}.
 */
public record GatePolicy(Map<String, StageRule> stages) {
    public record StageRule(List<String> require, Approval approval) {
    }

    public static GatePolicy read(Path file) {
        GatePolicy policy = Json.readYaml(file, GatePolicy.class);
        if (policy.stages() == null || policy.stages().isEmpty()) {
            throw InvalidInputException.in(file, "'stages' is required: one entry per target stage");
        }
        policy.stages().forEach((stage, rule) -> {
            if (rule == null) {
                throw InvalidInputException.in(file, "'stages." + stage + "' is empty");
            }
            if (rule.approval() != null && !rule.approval().namesDeciders()) {
                throw InvalidInputException.in(file, "'stages." + stage + ".approval' needs a 'group' or 'users': who may"
                        + " approve");
            }
        });
        return policy;
    }

    public StageRule rule(String stage, Path file) {
        StageRule rule = stages.get(stage);
        if (rule == null) {
            throw InvalidInputException.in(file, "has no stage '" + stage + "' (stages: " + stages.keySet() + ")");
        }
        return rule;
    }
}
