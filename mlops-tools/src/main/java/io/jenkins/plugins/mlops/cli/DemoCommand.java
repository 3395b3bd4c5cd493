package io.jenkins.plugins.mlops.cli;

import io.jenkins.plugins.mlops.contract.ExitCodes;
import io.jenkins.plugins.mlops.contract.InvalidInputException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Run the whole Level 2 pipeline on the Palmer penguins data: validate, train, test, gate,"
                + " register, serve on a free loopback port, deploy, send real traffic (clean, then drifted),"
                + " monitor; writes DIR/index.html linking every report.")
public final class DemoCommand implements Callable<Integer>, ToolCommand {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "mlops-demo",
            description = "Output folder (default: ${DEFAULT-VALUE}); must be empty or not exist.")
    Path out;

    @Override
    public Integer call() throws Exception {
        if (Files.isRegularFile(out)) {
            throw InvalidInputException.in(out, "is a file; --out needs a folder");
        }
        PrintWriter console = spec.commandLine().getOut();
        Demo.Outcome outcome = new Demo(out, console).run();
        console.println();
        console.println(outcome.table());
        console.println("Open " + out.resolve("index.html").toAbsolutePath() + " for every report.");
        if (!outcome.asExpected()) {
            console.println("The pipeline did not behave as designed: " + outcome.problems());
            return ExitCodes.CHECK_FAILED;
        }
        return ExitCodes.PASSED;
    }
}
