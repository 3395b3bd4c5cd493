package io.jenkins.plugins.mlops.adapter;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EngineCommandLineTest {
    @Test
    void javaHomeHeapClasspathFileMainClassAndArguments() {
        assertThat(EngineCommandLine.of("/opt/jdk17", "/agent/tools/mlops-engine/ab12/engine.classpath", "2g",
                new Arguments("validate").option("data", "d.csv").option("schema", null).flag("allow-short-rows", true)
                        .toList()))
                .containsExactly("/opt/jdk17/bin/java", "-Xmx2g", "-XX:+ExitOnOutOfMemoryError",
                        "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn", "@/agent/tools/mlops-engine/ab12/engine.classpath", EngineCommandLine.MAIN_CLASS, "validate",
                        "--data", "d.csv", "--allow-short-rows");
        assertThat(EngineCommandLine.of(null, "cp", "", List.of("train")).get(0)).isEqualTo("java");
    }

    /** The script and the argument file as sh and the java launcher read them: a real run, with awkward words. */
    @Test
    void theScriptPassesEveryWordAsItIs(@TempDir Path tmp) throws Exception {
        Path jar = Files.createDirectories(tmp.resolve("with space"));
        Path main = jar.resolve("Echo.java");
        Files.writeString(main, "public class Echo { public static void main(String[] a) {"
                + " for (String s : a) System.out.println('[' + s + ']'); } }");
        Process javac = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "javac").toString(),
                "-d", jar.toString(), main.toString()).inheritIO().start();
        assertThat(javac.waitFor(60, TimeUnit.SECONDS)).isTrue();
        // class-data archives take classes from jars only, as the engine installation has them
        Path echoJar = jar.resolve("echo.jar");
        Process pack = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jar").toString(),
                "cf", echoJar.toString(), "-C", jar.toString(), "Echo.class").inheritIO().start();
        assertThat(pack.waitFor(60, TimeUnit.SECONDS)).isTrue();
        Path classpath = tmp.resolve("engine.classpath");
        Files.writeString(classpath, EngineCommandLine.classpathFile(List.of(echoJar.toString()), ":"));
        List<String> command = new java.util.ArrayList<>(EngineCommandLine.of(System.getProperty("java.home"),
                classpath.toString(), null, List.of("it's", "a $HOME", "`x`")));
        command.set(command.indexOf(EngineCommandLine.MAIN_CLASS), "Echo");
        Path script = tmp.resolve("script.sh");
        Files.writeString(script, EngineCommandLine.script(command));
        assertThat(Files.readString(script)).startsWith("#!/bin/sh\n");
        // the first run writes the command's class-data archive, the second maps it: same words, nothing else said
        for (int round = 1; round <= 2; round++) {
            Process run = new ProcessBuilder("sh", script.toString()).redirectErrorStream(true).start();
            String out = new String(run.getInputStream().readAllBytes());
            assertThat(run.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(run.exitValue()).as(out).isZero();
            assertThat(out.lines()).as("round " + round).containsExactly("[it's]", "[a $HOME]", "[`x`]");
            try (var archives = Files.list(tmp.resolve("cds"))) {
                assertThat(archives.map(a -> a.getFileName().toString())).singleElement().asString().endsWith(".jsa");
            }
        }
    }

    /** An engine step's exit code is its verdict: the archive's writing must not change it, nor a folder it cannot write. */
    @Test
    void theArchiveKeepsTheEnginesExitCodeAndAReadOnlyInstallationRunsWithout(@TempDir Path tmp) throws Exception {
        List<String> jars = engineJars();
        for (String folder : List.of("writable", "read-only")) {
            Path engine = Files.createDirectories(tmp.resolve(folder));
            Path classpath = engine.resolve("engine.classpath");
            Files.writeString(classpath, EngineCommandLine.classpathFile(jars, ":"));
            if (folder.equals("read-only")) {
                // what a folder the agent's user cannot write does to mkdir (a file stands in: tests may run as root)
                Files.writeString(engine.resolve("cds"), "not a folder");
            }
            Path script = tmp.resolve(folder + ".sh");
            Files.writeString(script, EngineCommandLine.script(EngineCommandLine.of(System.getProperty("java.home"),
                    classpath.toString(), null, List.of("validate", "--data", tmp.resolve("missing.csv").toString()))));
            for (int round = 1; round <= 2; round++) {
                Process run = new ProcessBuilder("sh", script.toString()).redirectErrorStream(true).start();
                String out = new String(run.getInputStream().readAllBytes());
                assertThat(run.waitFor(120, TimeUnit.SECONDS)).isTrue();
                assertThat(run.exitValue()).as(folder + " round " + round + ": " + out).isEqualTo(2);
                assertThat(out.lines()).as(folder).singleElement().asString().contains("missing.csv");
            }
            assertThat(Files.isDirectory(engine.resolve("cds"))).as(folder).isEqualTo(folder.equals("writable"));
        }
    }

    /** The installation's bin/mlops, run as a sh step on the PATH would run it: the engine answers. */
    @Test
    void theLauncherRunsTheEngineWithTheBuildsJava(@TempDir Path tmp) throws Exception {
        List<String> jars = engineJars();
        Path classpath = tmp.resolve("with space/engine.classpath");
        Files.createDirectories(classpath.getParent());
        Files.writeString(classpath, EngineCommandLine.classpathFile(jars, ":"));
        Path launcher = Files.writeString(tmp.resolve("mlops"), EngineCommandLine.launcher(classpath.toString()));
        assertThat(Files.readString(launcher)).contains("OMP_WAIT_POLICY:=PASSIVE").contains("-XX:+ExitOnOutOfMemoryError");
        ProcessBuilder sh = new ProcessBuilder("sh", launcher.toString(), "--version").redirectErrorStream(true);
        sh.environment().put("JAVA_HOME", System.getProperty("java.home"));
        Process run = sh.start();
        String out = new String(run.getInputStream().readAllBytes());
        assertThat(run.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(run.exitValue()).as(out).isZero();
        assertThat(out.strip()).isEqualTo("mlops 0.1.0");
    }

    /**
     * A step that streams a small file runs its JVM on C1 alone, training and big files on both compilers; the step's
     * script and the installation's bin/mlops decide alike. A stand-in java prints the options it was given.
     */
    @Test
    void onlyAStreamingCommandOnASmallFileRunsOnC1Alone(@TempDir Path tmp) throws Exception {
        Path javaHome = tmp.resolve("jdk");
        Path java = Files.writeString(Files.createDirectories(javaHome.resolve("bin")).resolve("java"),
                "#!/bin/sh\necho \"$@\"\n");
        assertThat(java.toFile().setExecutable(true)).isTrue();
        String small = Files.writeString(tmp.resolve("small.csv"), "a\n1\n").toString();
        String big = tmp.resolve("big.csv").toString();
        try (java.io.RandomAccessFile file = new java.io.RandomAccessFile(big, "rw")) {
            file.setLength(64L << 20); // sparse: 64 MiB, the bound, without writing them
        }
        Path classpath = Files.writeString(tmp.resolve("engine.classpath"), "-cp \"x.jar\"");
        Path launcher = Files.writeString(tmp.resolve("mlops"), EngineCommandLine.launcher(classpath.toString()));
        for (boolean step : new boolean[] {true, false}) {
            assertThat(jvmOptions(tmp, javaHome, launcher, step, "validate", "--data", small))
                    .contains("-XX:TieredStopAtLevel=1");
            assertThat(jvmOptions(tmp, javaHome, launcher, step, "predict", "--model", "m", "--data=" + small))
                    .contains("-XX:TieredStopAtLevel=1");
            assertThat(jvmOptions(tmp, javaHome, launcher, step, "validate", "--data", big)).doesNotContain("Tiered");
            assertThat(jvmOptions(tmp, javaHome, launcher, step, "train", "--data", small)).doesNotContain("Tiered");
        }
    }

    private static String jvmOptions(Path tmp, Path javaHome, Path launcher, boolean step, String... arguments)
            throws Exception {
        Path script = launcher;
        if (step) {
            script = Files.writeString(tmp.resolve("step.sh"), EngineCommandLine.script(EngineCommandLine.of(
                    javaHome.toString(), tmp.resolve("engine.classpath").toString(), null, List.of(arguments))));
        }
        List<String> command = new java.util.ArrayList<>(List.of("sh", script.toString()));
        if (!step) {
            command.addAll(List.of(arguments));
        }
        ProcessBuilder sh = new ProcessBuilder(command).redirectErrorStream(true);
        sh.environment().put("JAVA_HOME", javaHome.toString());
        Process run = sh.start();
        String out = new String(run.getInputStream().readAllBytes());
        assertThat(run.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(run.exitValue()).as(out).isZero();
        assertThat(out).contains(EngineCommandLine.MAIN_CLASS + " " + arguments[0]);
        return out.substring(0, out.indexOf(EngineCommandLine.MAIN_CLASS));
    }

    @Test
    void theMainClassIsTheCliOfTheEngineJars() throws Exception {
        // the plugin bundles the CLI: the forked JVM must find this class in the same jars
        assertThat(Class.forName(EngineCommandLine.MAIN_CLASS).getMethod("main", String[].class)).isNotNull();
    }

    /** The test's classpath without folders: an installation holds jars only, and a class-data archive takes only those. */
    private static List<String> engineJars() {
        List<String> jars = java.util.Arrays.stream(System.getProperty("java.class.path").split(java.io.File.pathSeparator))
                .filter(j -> j.endsWith(".jar")).toList();
        assertThat(jars).as("the engine's CLI as a jar").anyMatch(j -> j.contains("mlops-cli"));
        return jars;
    }
}
