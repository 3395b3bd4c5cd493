package io.jenkins.plugins.mlops.steps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.mlops.cli.Mlops;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Step parameters into the engine's command line, checked against the CLI's own option model. */
class StepArgumentsTest {
    /** Parses the arguments with the real CLI's picocli model: an option it does not know fails here, not in a build. */
    private static void assertTheCliAccepts(List<String> arguments) {
        CommandLine cli = new CommandLine(new Mlops());
        StringWriter err = new StringWriter();
        cli.setErr(new PrintWriter(err));
        CommandLine.ParseResult parsed = cli.parseArgs(arguments.toArray(String[]::new));
        assertThat(parsed.subcommand()).as(err.toString()).isNotNull();
    }

    @Test
    void validateDataPassesOnlyWhatIsSet() {
        ValidateDataStep step = new ValidateDataStep("data/batch.csv");
        assertThat(step.arguments()).containsExactly("validate", "--data", "data/batch.csv");
        step.setSchema("schema.json");
        step.setReference("data/train.csv");
        step.setLabel("species");
        step.setMissingValues(",NA,-999");
        step.setAllowShortRows(true);
        assertThat(step.arguments()).containsExactly("validate", "--data", "data/batch.csv", "--schema", "schema.json",
                "--reference", "data/train.csv", "--label", "species", "--missing-values", ",NA,-999",
                "--allow-short-rows");
        assertTheCliAccepts(step.arguments());
        assertThat(step.getOut()).isEqualTo("mlops/validate");
    }

    @Test
    void trainModelMapsSpecAndData() {
        TrainModelStep step = new TrainModelStep("train.yaml", "data/train.csv");
        step.setOut("reports/train");
        assertThat(step.arguments()).containsExactly("train", "--spec", "train.yaml", "--data", "data/train.csv");
        assertTheCliAccepts(step.arguments());
        assertThat(step.getOut()).isEqualTo("reports/train");
    }

    @Test
    void failOnIsCheckedWhenTheStepIsCreated() {
        TrainModelStep step = new TrainModelStep("s.yaml", "d.csv");
        step.setFailOn("unstable");
        assertThat(step.getFailOn()).isEqualTo("UNSTABLE");
        assertThatThrownBy(() -> step.setFailOn("red")).hasMessageContaining("failOn must be one of");
    }
}
