package io.jenkins.plugins.mlops.adapter;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * How one engine step runs in a JVM of its own on the agent: the agent's Java (from
 * {@code JAVA_HOME} when the build sets it), the engine's classpath from an argument file (so the
 * command stays short), the CLI's main class and the step's arguments, as a {@code sh} script. A
 * forked JVM keeps native memory, crashes and aborts away from the agent process (design.md,
 * module rules).
 */
public final class EngineCommandLine {
    public static final String MAIN_CLASS = "io.jenkins.plugins.mlops.cli.Mlops";
    /** The system property the {@code mlops} launcher sets too: warnings and errors only from the libraries. */
    static final String QUIET_LOGGING = "org.slf4j.simpleLogger.defaultLogLevel=warn";

    private EngineCommandLine() {
    }

    /**
     * @param javaHome the build's {@code JAVA_HOME}, or {@code null} for the {@code java} on the PATH
     * @param classpathFile the engine installation's argument file ({@code -cp ...}), a path on the agent
     * @param maxHeap for {@code -Xmx}, e.g. {@code 2g}; {@code null} for the JVM's default
     */
    public static List<String> of(String javaHome, String classpathFile, String maxHeap, List<String> arguments) {
        List<String> command = new ArrayList<>();
        command.add(javaHome == null || javaHome.isBlank() ? "java"
                : javaHome + (javaHome.endsWith("/") ? "" : "/") + "bin/java");
        if (maxHeap != null && !maxHeap.isBlank()) {
            command.add("-Xmx" + maxHeap);
        }
        // an out-of-memory ends the JVM with exit code 3 rather than leaving a half-dead engine
        command.add("-XX:+ExitOnOutOfMemoryError");
        // as the mlops launcher: ND4J's start-up INFO lines stay out of the build log
        command.add("-D" + QUIET_LOGGING);
        command.add("@" + classpathFile);
        command.add(MAIN_CLASS);
        command.addAll(arguments);
        return command;
    }

    /**
     * The script durable-task runs: with a {@code #!} line it is run as it is, so the shell does not
     * echo the long command into the build log ({@code sh -x} would), and {@code exec} makes the
     * engine the process that durable-task watches and stops.
     */
    public static String script(List<String> command) {
        return "#!/bin/sh\nexec " + command.stream().map(EngineCommandLine::quote).collect(Collectors.joining(" "))
                + "\n";
    }

    /** One word for {@code sh}: single-quoted, with each {@code '} closed, escaped and reopened. */
    static String quote(String word) {
        return "'" + word.replace("'", "'\\''") + "'";
    }

    /** The argument file's content: the classpath in double quotes, as the java launcher reads it. */
    public static String classpathFile(List<String> jars, String separator) {
        return "-cp \"" + jars.stream().map(j -> j.replace("\\", "\\\\")).collect(Collectors.joining(separator))
                + "\"\n";
    }
}
