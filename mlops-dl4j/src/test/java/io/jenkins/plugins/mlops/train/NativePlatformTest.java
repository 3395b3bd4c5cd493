package io.jenkins.plugins.mlops.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.mlops.contract.InvalidInputException;
import java.io.File;
import org.junit.jupiter.api.Test;

/** An agent on a platform the bundled natives do not cover gets one line naming both, not a JavaCPP trace. */
class NativePlatformTest {
    private static final String CLASSPATH = String.join(File.pathSeparator,
            "/agent/tools/mlops-engine/ab/nd4j-native-1.0.0-M2.1.jar",
            "/agent/tools/mlops-engine/ab/nd4j-native-1.0.0-M2.1-linux-x86_64.jar",
            "/agent/tools/mlops-engine/ab/openblas-0.3.21-1.5.8-linux-x86_64.jar",
            "/agent/tools/mlops-engine/ab/mlops-core-0.1.0-SNAPSHOT.jar");

    @Test
    void javaNamesBecomeJavaCppPlatforms() {
        assertThat(NativePlatform.current("Linux", "amd64")).isEqualTo("linux-x86_64");
        assertThat(NativePlatform.current("Mac OS X", "aarch64")).isEqualTo("macosx-arm64");
        assertThat(NativePlatform.current("Windows 11", "amd64")).isEqualTo("windows-x86_64");
        assertThat(NativePlatform.current("Linux", "aarch64")).isEqualTo("linux-arm64");
    }

    @Test
    void theBundledPlatformPassesAnotherIsNamedInOneLine() {
        assertThat(NativePlatform.bundled(CLASSPATH)).containsExactly("linux-x86_64");
        NativePlatform.check("linux-x86_64", CLASSPATH);
        assertThatThrownBy(() -> NativePlatform.check("macosx-arm64", CLASSPATH))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("this machine is macosx-arm64, and this mlops build bundles ND4J's native libraries for"
                        + " linux-x86_64 only: build it with -Djavacpp.platform=macosx-arm64 (README, Other platforms)");
        // no natives named on the classpath (an IDE, a test runner's manifest jar): nothing to judge
        NativePlatform.check("macosx-arm64", "/x/classes");
    }
}
