package io.jenkins.plugins.mlops.cli;

import io.jenkins.plugins.mlops.audit.AuditLog;
import io.jenkins.plugins.mlops.audit.AuditSpec;
import io.jenkins.plugins.mlops.contract.ExitCodes;
import io.jenkins.plugins.mlops.contract.Status;
import io.jenkins.plugins.mlops.contract.StepResult;
import io.jenkins.plugins.mlops.stage.StageRunner;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine;

@Command(name = "audit", mixinStandardHelpOptions = true, description = "The registry's hash-chained audit log.",
        subcommands = {AuditCommand.Verify.class, AuditCommand.Show.class})
final class AuditCommand extends CommandGroup {
    @Command(name = "verify", mixinStandardHelpOptions = true,
            description = "Recompute the hash chain; exit 1 naming the first entry that was changed, removed or"
                    + " reordered.")
    static final class Verify extends RegistryCommand.RegistryOption implements Callable<Integer> {
        @Option(names = "--out", paramLabel = "DIR", description = "Also write audit.json/.html here.")
        Path outDir;

        AuditSpec spec() {
            return new AuditSpec(location.home());
        }

        @Override
        public Integer call() {
            StepResult result = StageRunner.run(spec(), outDir);
            if (result.getStatus() == Status.PASSED) {
                out().println(result.getSummary());
            } else {
                spec.commandLine().getErr().println(result.getSummary());
            }
            return result.getStatus().exitCode();
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = "One line per entry.")
    static final class Show extends RegistryCommand.RegistryOption implements Callable<Integer> {
        @Override
        public Integer call() {
            for (AuditLog.Entry e : location.registry().audit().entries()) {
                out().printf("%d\t%s\t%s\t%s\t%s\t%s%n", e.seq(), e.time(), e.actor(), e.action(),
                        e.subject(), e.details());
            }
            return ExitCodes.PASSED;
        }
    }
}
