package io.jenkins.plugins.mlops.steps;

import io.jenkins.plugins.mlops.adapter.FailOn;
import io.jenkins.plugins.mlops.adapter.Outcomes;
import io.jenkins.plugins.mlops.adapter.StepOutcome;
import io.jenkins.plugins.mlops.cli.Mlops;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;

/** A step's arguments run through the real engine in this JVM, read back as the execution reads them. */
final class EngineRuns {
    private EngineRuns() {
    }

    static StepOutcome run(Path workspace, EngineStep step, List<String> arguments) {
        Path out = workspace.resolve(step.getOut());
        List<String> all = new ArrayList<>(arguments);
        all.add("--out");
        all.add(out.toString());
        int exitCode = new CommandLine(new Mlops()).execute(all.toArray(String[]::new));
        Path result = out.resolve(step.resultName() + ".json");
        try {
            return Outcomes.of(step.resultName(), exitCode, Files.exists(result) ? Files.readString(result) : null,
                    step.getOut(), FailOn.FAILURE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
