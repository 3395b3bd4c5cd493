package io.jenkins.plugins.mlops.cli;

import io.jenkins.plugins.mlops.contract.StepResult;
import io.jenkins.plugins.mlops.stage.StageRunner;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;

/**
 * Binds one stage's options to its spec, runs the stage's executor through the one runner, and turns
 * the result into the exit code, printing where the reports are.
 */
abstract class StepCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    OutputOption output;

    /** The stage's spec from the options: its record type decides the executor (the catalogue's). */
    abstract Record spec();

    @Override
    public Integer call() {
        StepResult result = StageRunner.run(spec(), output.out);
        PrintWriter out = spec.commandLine().getOut();
        out.println(result.getStep() + ": " + result.getStatus() + " - " + result.getSummary());
        out.println("reports: " + output.out.resolve(result.getStep() + ".html"));
        return result.getStatus().exitCode();
    }
}
