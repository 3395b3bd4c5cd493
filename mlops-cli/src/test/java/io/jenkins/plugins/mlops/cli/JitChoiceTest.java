package io.jenkins.plugins.mlops.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shell rule the ./mlops launcher sources: under its {@code set -eu}, every answer must leave the shell running. */
class JitChoiceTest {
    private static final Path RULE = Path.of("src/main/resources/io/jenkins/plugins/mlops/cli/jit.sh");

    @Test
    void c1AloneOnlyForAStreamingCommandUnder64MegabytesOfInput(@TempDir Path tmp) throws Exception {
        String small = Files.writeString(tmp.resolve("small.csv"), "a\n1\n").toString();
        String big = tmp.resolve("big.csv").toString();
        try (RandomAccessFile file = new RandomAccessFile(big, "rw")) {
            file.setLength(64L << 20);
        }
        assertThat(choice("validate", "--data", small, "--schema", "s.json")).isEqualTo("-XX:TieredStopAtLevel=1");
        assertThat(choice("monitor", "--log=" + small)).isEqualTo("-XX:TieredStopAtLevel=1");
        assertThat(choice("validate", "--data", small, "--reference", big)).isEmpty();
        assertThat(choice("validate", "--data", big)).isEmpty();
        assertThat(choice("train", "--data", small)).isEmpty();
        assertThat(choice()).isEmpty();
    }

    private static String choice(String... arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of("sh", "-euc", ". \"$0\"; echo \"[$MLOPS_JIT]\"",
                RULE.toAbsolutePath().toString()));
        command.addAll(List.of(arguments));
        Process run = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(run.getInputStream().readAllBytes()).strip();
        assertThat(run.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(run.exitValue()).as(out).isZero();
        return out.substring(1, out.length() - 1);
    }
}
