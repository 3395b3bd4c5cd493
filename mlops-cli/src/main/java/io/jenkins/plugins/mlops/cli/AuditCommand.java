package io.jenkins.plugins.mlops.cli;

import io.jenkins.plugins.mlops.contract.ExitCodes;
import io.jenkins.plugins.mlops.audit.AuditLog;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

@Command(name = "audit", mixinStandardHelpOptions = true, description = "The registry's hash-chained audit log.",
        subcommands = {AuditCommand.Verify.class, AuditCommand.Show.class})
final class AuditCommand extends CommandGroup {
    @Command(name = "verify", mixinStandardHelpOptions = true,
            description = "Recompute the hash chain; exit 1 naming the first entry that was changed, removed or"
                    + " reordered.")
    static final class Verify extends RegistryCommand.RegistryOption implements Callable<Integer> {
        @Override
        public Integer call() {
            AuditLog log = location.registry().audit();
            AuditLog.Verification v = log.verify();
            if (v.ok()) {
                out().println(log.file() + ": OK, " + v.reason());
                return ExitCodes.PASSED;
            }
            spec.commandLine().getErr().println(log.file() + ":" + v.badLine() + ": TAMPERED: " + v.reason()
                    + " (the " + v.entries() + " entries before it are intact)");
            return ExitCodes.CHECK_FAILED;
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
