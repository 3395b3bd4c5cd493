package io.jenkins.plugins.mlops.adapter;

import java.util.ArrayList;
import java.util.List;

/**
 * The command that runs one engine step in a JVM of its own on the agent: the agent's Java (from
 * {@code JAVA_HOME} when the build sets it), the engine's jars, the CLI's main class and the
 * step's arguments. A forked JVM keeps native memory, crashes and aborts away from the agent
 * process (design.md, module rules).
 */
public final class EngineCommandLine {
    public static final String MAIN_CLASS = "io.jenkins.plugins.mlops.cli.Mlops";

    private EngineCommandLine() {
    }

    /**
     * @param javaHome the build's {@code JAVA_HOME}, or {@code null} for the {@code java} on the PATH
     * @param unix whether the agent is Unix (path and classpath separators)
     * @param jars the engine's jars as paths on the agent
     * @param maxHeap for {@code -Xmx}, e.g. {@code 2g}; {@code null} for the JVM's default
     */
    public static List<String> of(String javaHome, boolean unix, List<String> jars, String maxHeap, List<String> arguments) {
        List<String> command = new ArrayList<>();
        String separator = unix ? "/" : "\\";
        command.add(javaHome == null || javaHome.isBlank() ? "java"
                : javaHome + (javaHome.endsWith(separator) ? "" : separator) + "bin" + separator + "java");
        if (maxHeap != null && !maxHeap.isBlank()) {
            command.add("-Xmx" + maxHeap);
        }
        command.add("-cp");
        command.add(String.join(unix ? ":" : ";", jars));
        command.add(MAIN_CLASS);
        command.addAll(arguments);
        return command;
    }
}
