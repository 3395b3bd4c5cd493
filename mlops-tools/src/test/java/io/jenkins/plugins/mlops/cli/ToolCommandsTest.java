package io.jenkins.plugins.mlops.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** With this module on the class path, as for the launcher, the CLI has the demo and the benchmarks. */
class ToolCommandsTest {
    @ParameterizedTest
    @ValueSource(strings = {"demo", "bench"})
    void theToolsJoinTheCli(String command) {
        CliRun help = CliRun.of(command, "--help");
        assertThat(help.exit()).as(help.err()).isZero();
        assertThat(help.out()).contains("Usage: mlops " + command);
    }
}
