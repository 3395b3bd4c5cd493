package io.jenkins.plugins.mlops.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.mlops.data.Sha256;
import io.jenkins.plugins.mlops.testing.Fixtures;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Same spec, data and seed in two separate JVMs give the same model bytes. */
class ReproducibilityTest {
    private static Path train(Path out) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        ProcessBuilder pb = new ProcessBuilder(java, "-Xmx1g", "-cp", System.getProperty("java.class.path"),
                Mlops.class.getName(), "train", "--spec", Fixtures.spec("penguins.yaml").toString(), "--data",
                Fixtures.dataset("penguins.csv").toString(), "--out", out.toString());
        // the thread count is part of the recipe: it changes float summation order (notes/dl4j.md)
        pb.environment().put("OMP_NUM_THREADS", "2");
        pb.environment().put("OMP_WAIT_POLICY", "PASSIVE");
        pb.redirectErrorStream(true).redirectOutput(out.resolveSibling(out.getFileName() + ".log").toFile());
        Process process = pb.start();
        assertThat(process.waitFor(5, TimeUnit.MINUTES)).isTrue();
        assertThat(process.exitValue()).as(Files.readString(out.resolveSibling(out.getFileName() + ".log")))
                .isZero();
        return out.resolve("model");
    }

    @Test
    void twoProcessesGiveIdenticalParameters(@TempDir Path tmp) throws Exception {
        Path a = train(tmp.resolve("a"));
        Path b = train(tmp.resolve("b"));
        for (String file : List.of("params.bin", "network.json", "preprocessing.json", "metrics.json", "reference.csv")) {
            assertThat(Sha256.of(a.resolve(file))).as(file).isEqualTo(Sha256.of(b.resolve(file)));
        }
        assertThat(new File(a.toFile(), "params.bin").length()).isPositive();
    }
}
