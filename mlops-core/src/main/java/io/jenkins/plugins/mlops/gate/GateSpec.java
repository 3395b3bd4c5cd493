package io.jenkins.plugins.mlops.gate;

import io.jenkins.plugins.mlops.contract.InvalidInputException;
import io.jenkins.plugins.mlops.registry.ModelRef;
import java.nio.file.Path;
import java.util.List;

/**
 * The gate's parameters, checked before anything is read.
 *
 * @param results step result files ({@code <step>.json}) or folders holding them
 * @param requireApproval without a policy: a person must approve even when every result passed
 * @param policy the gate policy (YAML); with {@code stage}, the rules of that target stage
 * @param startedBy who started the run (for the four-eyes rule); may be null
 * @param model the model the decision is about ({@code NAME@VERSION}); with {@code registry}, the
 *     decision is recorded in that registry's audit log
 */
public record GateSpec(List<Path> results, boolean requireApproval, Path policy, String stage, String startedBy,
                       String model, Path registry) {
    public GateSpec {
        if (results == null || results.isEmpty()) {
            throw new InvalidInputException("give the step results to decide on (--results)");
        }
        results = List.copyOf(results);
        if (policy != null && stage == null || policy == null && stage != null) {
            throw new InvalidInputException("--policy and --stage go together");
        }
        if (model != null) {
            ModelRef.parse(model);
        }
    }

    public GateSpec(List<Path> results, boolean requireApproval) {
        this(results, requireApproval, null, null, null, null, null);
    }
}
