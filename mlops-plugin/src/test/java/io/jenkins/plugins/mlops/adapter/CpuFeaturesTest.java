package io.jenkins.plugins.mlops.adapter;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class CpuFeaturesTest {
    private static final Path CPUINFO = Path.of("../test-fixtures/cpuinfo/amd-epyc-avx512.txt");

    @Test
    void anAvx512MachineGetsOpenBlasAvx512Kernels() throws Exception {
        assertThat(CpuFeatures.openBlasCoreType(Files.readString(CPUINFO))).isEqualTo("SkylakeX");
    }

    @Test
    void withoutAvx512OrWithoutFlagsOpenBlasChoosesForItself() throws Exception {
        String avx2Only = Files.readString(CPUINFO).replaceAll("\\bavx512\\w*", "");
        assertThat(avx2Only).contains(" avx2 ");
        assertThat(CpuFeatures.openBlasCoreType(avx2Only)).isNull();
        // one AVX-512 subset is not enough for OpenBLAS' SkylakeX kernels
        assertThat(CpuFeatures.openBlasCoreType(avx2Only.replace(" avx2 ", " avx2 avx512f "))).isNull();
        assertThat(CpuFeatures.openBlasCoreType("processor : 0\n")).isNull();
    }

    @Test
    void openMpGetsAtMostFourThreadsAsTheLauncherGivesIt() throws Exception {
        int processors = CpuFeatures.processors(Files.readString(Path.of("../test-fixtures/cpuinfo/amd-epyc-2-processors.txt")));
        assertThat(processors).isEqualTo(2);
        assertThat(EngineCommandLine.ompThreads(processors)).isEqualTo("2");
        assertThat(EngineCommandLine.ompThreads(64)).isEqualTo("4");
        assertThat(CpuFeatures.processors("")).isEqualTo(1);
    }
}
