package io.jenkins.plugins.mlops.cli;

import io.jenkins.plugins.mlops.gate.GateSpec;
import io.jenkins.plugins.mlops.model.Lineage;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "gate", mixinStandardHelpOptions = true,
        description = "One decision from earlier step results: PASSED, FAILED (with reasons) or NEEDS_APPROVAL;"
                + " with --policy and --stage, by that stage's rules. Exit 0 only when PASSED.")
final class GateCommand extends StepCommand {
    @Option(names = "--results", required = true, arity = "1..*", paramLabel = "PATH",
            description = "Step result files (<step>.json) or folders holding them.")
    List<Path> results;

    @Option(names = "--require-approval", description = "Even when every step passed, a person must approve.")
    boolean requireApproval;

    @Option(names = "--policy", paramLabel = "FILE", description = "Gate policy (YAML): required results and approval"
            + " rules per target stage.")
    Path policy;

    @Option(names = "--stage", paramLabel = "STAGE", description = "The target stage of the policy, e.g. production.")
    String stage;

    @Option(names = "--model", paramLabel = "NAME@VERSION", description = "The model decided on; recorded in the audit"
            + " log of the registry.")
    String model;

    @Mixin
    RegistryLocation location;

    @Option(names = "--started-by", paramLabel = "USER", description = "Who started the run (default: $BUILD_USER_ID,"
            + " else the OS user); an approver must differ under four eyes.")
    String startedBy;

    @Override
    GateSpec spec() {
        return new GateSpec(results, requireApproval, policy, stage, startedBy != null ? startedBy : Lineage.user(), model,
                model == null ? null : location.home());
    }
}
