package io.jenkins.plugins.mlops.cli;

import io.jenkins.plugins.mlops.contract.StepResult;
import io.jenkins.plugins.mlops.gate.GateStep;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "gate", mixinStandardHelpOptions = true,
        description = "One decision from earlier step results: PASSED, FAILED (with reasons) or NEEDS_APPROVAL."
                + " Exit 0 only when PASSED.")
final class GateCommand extends StepCommand {
    @Option(names = "--results", required = true, arity = "1..*", paramLabel = "PATH",
            description = "Step result files (<step>.json) or folders holding them.")
    List<Path> results;

    @Option(names = "--require-approval", description = "Even when every step passed, a person must approve.")
    boolean requireApproval;

    @Override
    StepResult runStep(Path out) {
        return GateStep.run(results, requireApproval, out);
    }
}
