package io.jenkins.plugins.mlops.cli;

import io.jenkins.plugins.mlops.contract.StepResult;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;

/** Runs one step and turns its result into the exit code, printing where the reports are. */
abstract class StepCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    OutputOption output;

    abstract StepResult runStep(Path out) throws Exception;

    @Override
    public Integer call() throws Exception {
        StepResult result = runStep(output.out);
        PrintWriter out = spec.commandLine().getOut();
        out.println(result.getStep() + ": " + result.getStatus() + " - " + result.getSummary());
        out.println("reports: " + output.out.resolve(result.getStep() + ".html"));
        return result.getStatus().exitCode();
    }
}
