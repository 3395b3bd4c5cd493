package io.jenkins.plugins.mlops.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.mlops.contract.ExitCodes;
import io.jenkins.plugins.mlops.testing.Fixtures;
import java.io.BufferedWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A file that does not fit the heap: training (which holds its columns) fails with one line that
 * says how to give the engine more memory, exit 2 and no output; schema inference streams and succeeds.
 */
class OutOfMemoryTest {
    private static Path penguinsTimes(Path dir, int copies) throws Exception {
        List<String> lines = Files.readAllLines(Fixtures.dataset("penguins.csv"));
        Path big = dir.resolve("penguins-x" + copies + ".csv");
        try (BufferedWriter w = Files.newBufferedWriter(big)) {
            w.write(lines.get(0) + "\n");
            for (int i = 0; i < copies; i++) {
                for (String line : lines.subList(1, lines.size())) {
                    w.write(line);
                    w.write('\n');
                }
            }
        }
        return big;
    }

    private static Process mlops(Path log, String... args) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        // with the launcher's and the plugin's logging level: libraries' INFO lines are not what users see
        List<String> command = new java.util.ArrayList<>(List.of(java, "-Xmx48m",
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn", "-cp",
                System.getProperty("java.class.path"), Mlops.class.getName()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        assertThat(process.waitFor(5, TimeUnit.MINUTES)).isTrue();
        return process;
    }

    @Test
    void trainingPastTheHeapIsOneLineAndExit2WhileSchemaInferenceStreams(@TempDir Path tmp) throws Exception {
        Path big = penguinsTimes(tmp, 4000);
        Path log = tmp.resolve("train.log");
        Process train = mlops(log, "train", "--spec", Fixtures.spec("penguins.yaml").toString(), "--data",
                big.toString(), "--out", tmp.resolve("out").toString());
        List<String> said = Files.readAllLines(log);
        assertThat(train.exitValue()).as(String.join("\n", said)).isEqualTo(ExitCodes.INPUT_ERROR);
        assertThat(said).as(String.join("\n", said)).hasSize(1);
        assertThat(said.get(0)).startsWith("mlops train: error: not enough memory for this data (the engine's heap is")
                .contains("MLOPS_JAVA_OPTS=-Xmx").doesNotContain("Exception", "Error");
        assertThat(tmp.resolve("out")).doesNotExist();

        Path schema = tmp.resolve("schema.json");
        Process infer = mlops(tmp.resolve("schema.log"), "schema", "infer", "--data", big.toString(), "--out",
                schema.toString());
        assertThat(infer.exitValue()).as(Files.readString(tmp.resolve("schema.log"))).isZero();
        assertThat(Files.readString(schema)).contains("\"species\"", "\"body_mass_g\"");
    }
}
