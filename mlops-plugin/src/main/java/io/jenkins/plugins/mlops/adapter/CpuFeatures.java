package io.jenkins.plugins.mlops.adapter;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The OpenBLAS kernels to ask for on an agent's CPU, unless the build's environment chose them
 * ({@code OPENBLAS_CORETYPE}). The OpenBLAS inside nd4j-native predates recent AVX-512 CPUs: on
 * AMD Zen 4 it picks its SSE-era "Barcelona" kernels; its AVX-512 ones ("SkylakeX") train at
 * 101 k examples/s on one thread where Haswell's AVX2 ones give 80 k ({@code mlops bench train}).
 * The {@code mlops} script makes the same choice from the same flags.
 */
public final class CpuFeatures {
    private static final Set<String> AVX512 = Set.of("avx512f", "avx512bw", "avx512vl", "avx512dq");

    private CpuFeatures() {
    }

    /** The processors {@code /proc/cpuinfo} lists (at least 1). */
    public static int processors(String cpuinfo) {
        return (int) Math.max(1, cpuinfo.lines().filter(l -> l.startsWith("processor")).count());
    }

    /** {@code SkylakeX} when the first {@code flags} line of {@code /proc/cpuinfo} has AVX-512 F, BW, VL and DQ; else null. */
    public static String openBlasCoreType(String cpuinfo) {
        Set<String> flags = cpuinfo.lines().filter(l -> l.startsWith("flags")).findFirst()
                .map(l -> Arrays.stream(l.substring(l.indexOf(':') + 1).trim().split("\\s+")).collect(Collectors.toSet()))
                .orElse(Set.of());
        return flags.containsAll(AVX512) ? "SkylakeX" : null;
    }
}
