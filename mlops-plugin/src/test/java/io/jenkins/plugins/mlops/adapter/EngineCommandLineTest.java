package io.jenkins.plugins.mlops.adapter;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class EngineCommandLineTest {
    @Test
    void unixAgentWithJavaHomeAndHeap() {
        assertThat(EngineCommandLine.of("/opt/jdk17", true, List.of("/ws@tmp/e/a.jar", "/ws@tmp/e/b.jar"), "2g",
                new Arguments("validate").option("data", "d.csv").option("schema", null).flag("allow-short-rows", true)
                        .toList()))
                .containsExactly("/opt/jdk17/bin/java", "-Xmx2g", "-cp", "/ws@tmp/e/a.jar:/ws@tmp/e/b.jar",
                        EngineCommandLine.MAIN_CLASS, "validate", "--data", "d.csv", "--allow-short-rows");
    }

    @Test
    void windowsAgentWithoutJavaHome() {
        assertThat(EngineCommandLine.of(null, false, List.of("C:\\w\\a.jar", "C:\\w\\b.jar"), null, List.of("train")))
                .containsExactly("java", "-cp", "C:\\w\\a.jar;C:\\w\\b.jar", EngineCommandLine.MAIN_CLASS, "train");
        assertThat(EngineCommandLine.of("C:\\jdk\\", false, List.of("a.jar"), "", List.of("train")).get(0))
                .isEqualTo("C:\\jdk\\bin\\java");
    }

    @Test
    void theMainClassIsTheCliOfTheEngineJars() throws Exception {
        // the plugin bundles the CLI: the forked JVM must find this class in the same jars
        assertThat(Class.forName(EngineCommandLine.MAIN_CLASS).getMethod("main", String[].class)).isNotNull();
    }
}
