package io.jenkins.plugins.mlops.steps;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.mlops.cli.Mlops;
import io.jenkins.plugins.mlops.contract.Stage;
import java.lang.reflect.Constructor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;
import org.kohsuke.stapler.DataBoundConstructor;
import picocli.CommandLine;

/**
 * Every stage of the catalogue has what users reach it by: its CLI command, its Pipeline steps
 * (which write the catalogue's result name), each step's docs page, form and help; and no step runs
 * outside the catalogue.
 */
class StageCatalogueTest {
    private static final Path RESOURCES = Path.of("src/main/resources/io/jenkins/plugins/mlops/steps");
    private static final Path DOCS = Path.of("../plugin-docs/steps");

    @ParameterizedTest
    @EnumSource(Stage.class)
    void theCliHasTheStagesCommand(Stage stage) {
        CommandLine command = Mlops.commandLine();
        for (String word : stage.command()) {
            command = command.getSubcommands().get(word);
            assertThat(command).as("mlops " + String.join(" ", stage.command())).isNotNull();
        }
    }

    @ParameterizedTest
    @EnumSource(Stage.class)
    void eachStepOfTheStageWritesItsResultAndHasDocsFormAndHelp(Stage stage) throws Exception {
        for (String function : stage.pipelineSteps()) {
            Class<?> type = JenkinsfileContractTest.STEPS.get(function);
            assertThat(type).as(function + " is a registered step").isNotNull();
            assertThat(instance(type).resultName()).as(function).isEqualTo(stage.result());
            assertThat(DOCS.resolve(function + ".md")).as("docs page of " + function).isRegularFile();
            Path form = RESOURCES.resolve(type.getSimpleName());
            assertThat(form.resolve("config.jelly")).as("form of " + function).isRegularFile();
            try (Stream<Path> help = Files.list(form)) {
                assertThat(help.filter(p -> p.getFileName().toString().startsWith("help-"))).as("help of " + function)
                        .isNotEmpty();
            }
        }
    }

    @Test
    void everyPipelineStepBelongsToAStage() {
        Set<String> catalogued = new TreeSet<>();
        for (Stage stage : Stage.values()) {
            catalogued.addAll(stage.pipelineSteps());
        }
        assertThat(catalogued).isEqualTo(new TreeSet<>(JenkinsfileContractTest.STEPS.keySet()));
    }

    /** The step built as Stapler builds it, with placeholder values for its required parameters. */
    private static EngineStep instance(Class<?> type) throws Exception {
        Constructor<?> bound = Stream.of(type.getConstructors())
                .filter(c -> c.isAnnotationPresent(DataBoundConstructor.class)).findFirst().orElseThrow();
        List<Object> arguments = new ArrayList<>();
        for (Class<?> parameter : bound.getParameterTypes()) {
            arguments.add(parameter == List.class ? List.of("x") : parameter == boolean.class ? false
                    : parameter == int.class ? 0 : "x");
        }
        return (EngineStep) bound.newInstance(arguments.toArray());
    }
}
