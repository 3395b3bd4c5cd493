package io.jenkins.plugins.mlops.adapter;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
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
    /**
     * The JVM options of every engine run, by a step or by the {@code mlops} command: an out-of-memory
     * ends the JVM with exit code 3 rather than leaving a half-dead engine, and ND4J's start-up INFO
     * lines stay out of the build log.
     */
    private static final List<String> JVM_OPTIONS = List.of("-XX:+ExitOnOutOfMemoryError", "-D" + QUIET_LOGGING);
    /** ND4J's OpenMP defaults are 2-3x slower on small machines (notes/dl4j.md): at most 4 threads, passive waits. */
    static final int MAX_OMP_THREADS = 4;

    /**
     * The engine's shell rule for its JIT compilers (C1 alone for a command streaming a small file), the same
     * file the repository's {@code mlops} launcher sources; it sets {@code MLOPS_JIT} from {@code "$@"}.
     */
    static final String JIT_CHOICE = engineResource("io/jenkins/plugins/mlops/cli/jit.sh");

    private EngineCommandLine() {
    }

    private static String engineResource(String name) {
        try (InputStream in = EngineCommandLine.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("the engine's " + name + " is not on the plugin's class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
        command.addAll(JVM_OPTIONS);
        command.add("@" + classpathFile);
        command.add(MAIN_CLASS);
        command.addAll(arguments);
        return command;
    }

    /**
     * The script durable-task runs: with a {@code #!} line it is run as it is, so the shell does not
     * echo the long command into the build log ({@code sh -x} would), and {@code exec} makes the
     * engine the process that durable-task watches and stops (but for a command's first run on the
     * agent, which writes its class-data archive after the JVM ends; durable-task stops the shell's
     * children too).
     */
    public static String script(List<String> command) {
        int main = command.indexOf(MAIN_CLASS);
        String classpathFile = command.stream().filter(w -> w.startsWith("@")).findFirst().orElseThrow().substring(1);
        String commandWord = main >= 0 && main + 1 < command.size() ? quote(command.get(main + 1)) : "''";
        // the JIT choice reads the engine's arguments as "$@", as the launcher gives them
        String arguments = main >= 0 ? command.subList(main + 1, command.size()).stream().map(EngineCommandLine::quote)
                .collect(Collectors.joining(" ")) : "";
        return "#!/bin/sh\n" + "set -- " + arguments + "\n" + JIT_CHOICE
                + throughClassDataArchive(quote(command.get(0)), command.subList(1, command.size()).stream()
                .map(EngineCommandLine::quote).collect(Collectors.joining(" ")), classpathFile, commandWord);
    }

    /**
     * Runs {@code java} with the rest of the words through an application class-data archive, one per
     * JVM and engine command in the installation's {@code cds/} folder: the first run of a command writes
     * it (under a temporary name, renamed when the JVM ended, so parallel runs never read half an
     * archive), later runs map the engine's classes instead of loading them (validate on penguins: about
     * 1.0 s to 0.75 s whole process). The key covers the JVM's path and release, so another JDK never maps
     * the archive of this one; an installation folder the agent cannot write runs without one.
     */
    private static String throughClassDataArchive(String java, String rest, String classpathFile, String commandWord) {
        String folder = classpathFile.contains("/") ? classpathFile.substring(0, classpathFile.lastIndexOf('/')) : ".";
        String quiet = "$MLOPS_JIT -Xshare:auto -Xlog:cds=off -Xlog:cds+dynamic=off";
        return "cds=" + quote(folder + "/cds") + "\n"
                // the JVM's real path and its release file: an updated JDK at the same path gets a new archive
                + "jvm=$(readlink -f \"$(command -v " + java + ")\" 2>/dev/null)\n"
                + "key=$( { echo \"$jvm\"; cat \"${jvm%/bin/java}/release\"; echo " + commandWord
                + "; } 2>/dev/null | cksum | cut -d ' ' -f 1)\n"
                + "if [ -r \"$cds/$key.jsa\" ]; then\n"
                + "  exec " + java + " " + quiet + " \"-XX:SharedArchiveFile=$cds/$key.jsa\" " + rest + "\n"
                + "fi\n"
                + "if mkdir -p \"$cds\" 2>/dev/null && [ -w \"$cds\" ]; then\n"
                + "  " + java + " " + quiet + " \"-XX:ArchiveClassesAtExit=$cds/$key.jsa.$$\" " + rest + "\n"
                + "  status=$?\n"
                + "  mv -f \"$cds/$key.jsa.$$\" \"$cds/$key.jsa\" 2>/dev/null\n"
                + "  exit $status\n"
                + "fi\n"
                + "exec " + java + " $MLOPS_JIT " + rest + "\n";
    }

    /**
     * The {@code mlops} command of an engine installation ({@code bin/mlops}), which the mlops tool puts
     * on the PATH: the same JVM options and OpenMP defaults as the steps' runs, the build's
     * {@code JAVA_HOME} when it has one, extra JVM options from {@code MLOPS_JAVA_OPTS}.
     */
    public static String launcher(String classpathFile) {
        return "#!/bin/sh\n"
                + "# mlops: the engine the mlops Pipeline steps run, installed by the mlops plugin\n"
                + ": \"${OMP_NUM_THREADS:=$( (nproc 2>/dev/null || echo 2) | awk '{print ($1 > " + MAX_OMP_THREADS
                + " ? " + MAX_OMP_THREADS + " : $1)}')}\"\n"
                + ": \"${OMP_WAIT_POLICY:=PASSIVE}\"\n"
                + "export OMP_NUM_THREADS OMP_WAIT_POLICY\n"
                + JIT_CHOICE
                + throughClassDataArchive("\"${JAVA_HOME:+$JAVA_HOME/bin/}java\"", "${MLOPS_JAVA_OPTS:-} "
                + JVM_OPTIONS.stream().map(EngineCommandLine::quote).collect(Collectors.joining(" "))
                + " " + quote("@" + classpathFile) + " " + MAIN_CLASS + " \"$@\"", classpathFile, "\"${1:-}\"");
    }

    /** OpenMP's threads for an agent with this many processors, as the launcher chooses them. */
    public static String ompThreads(int processors) {
        return String.valueOf(Math.max(1, Math.min(MAX_OMP_THREADS, processors)));
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
