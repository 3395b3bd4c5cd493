package io.jenkins.plugins.mlops.cli;

import io.jenkins.plugins.mlops.contract.ApprovalDecision;
import io.jenkins.plugins.mlops.governance.ApproveSpec;
import io.jenkins.plugins.mlops.governance.ApproveStep;
import io.jenkins.plugins.mlops.model.Lineage;
import io.jenkins.plugins.mlops.registry.ModelRef;
import io.jenkins.plugins.mlops.registry.ModelVersion;
import io.jenkins.plugins.mlops.registry.Registry;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "approve", mixinStandardHelpOptions = true,
        description = "Record a person's decision on a model in the registry's audit log, with the digest of the"
                + " evidence. With --gate, the gate's rules apply: the approver must be in its group and, under four"
                + " eyes, must not have started the run. Exit 0 approved, 1 rejected or refused.")
final class ApproveCommand extends StepCommand {
    @Option(names = "--model", required = true, paramLabel = "NAME@VERSION", description = "The model decided on.")
    String model;

    @Option(names = "--decision", required = true, paramLabel = "approve|reject|override",
            description = "override: accept a FAILED gate (needs --reason, marked everywhere).")
    String decision;

    @Option(names = "--reason", paramLabel = "TEXT", description = "Why; required to reject or override.")
    String reason;

    @Option(names = "--gate", paramLabel = "FILE", description = "The gate.json this decision answers.")
    Path gate;

    @Option(names = "--user", paramLabel = "USER", description = "The approver (default: $MLOPS_USER, else"
            + " $BUILD_USER_ID, else the OS user).")
    String user;

    @Option(names = "--groups", paramLabel = "LIST", description = "The approver's groups, comma-separated (default:"
            + " $MLOPS_USER_GROUPS).")
    String groups;

    @Mixin
    RegistryLocation location;

    @Override
    ApproveSpec spec() {
        Registry registry = location.registry();
        ModelVersion version = registry.resolve(ModelRef.parse(model));
        String list = groups != null ? groups : Lineage.env("MLOPS_USER_GROUPS");
        Set<String> memberOf = list == null ? Set.of() : Arrays.stream(list.split(",")).map(String::trim)
                .filter(g -> !g.isEmpty()).collect(Collectors.toSet());
        return new ApproveSpec(version.ref(), ApprovalDecision.parse(decision), reason,
                user != null ? user : Lineage.user(), memberOf, gate, version.packageDigest(), registry.home());
    }
}
