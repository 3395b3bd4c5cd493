package io.jenkins.plugins.mlops.steps;

import io.jenkins.plugins.mlops.adapter.FailOn;
import io.jenkins.plugins.mlops.adapter.Outcomes;
import io.jenkins.plugins.mlops.adapter.StepOutcome;
import io.jenkins.plugins.mlops.cli.Mlops;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** A step's arguments run through the real engine in this JVM, read back as the execution reads them. */
final class EngineRuns {
    private EngineRuns() {
    }

    static StepOutcome run(Path workspace, EngineStep step, List<String> arguments) {
        Path out = workspace.resolve(step.getOut());
        List<String> all = new ArrayList<>(arguments);
        all.add("--out");
        all.add(out.toString());
        // as the forked engine's main runs it: an input error is exit 2 with its one line
        int exitCode = Mlops.execute(all.toArray(String[]::new), new PrintWriter(System.out, true),
                new PrintWriter(System.err, true));
        Path result = out.resolve(step.resultName() + ".json");
        try {
            return Outcomes.of(step.resultName(), exitCode, Files.exists(result) ? Files.readString(result) : null,
                    step.getOut(), FailOn.FAILURE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
