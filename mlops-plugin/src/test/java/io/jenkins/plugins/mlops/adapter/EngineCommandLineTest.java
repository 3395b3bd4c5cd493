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
        Path classpath = tmp.resolve("engine.classpath");
        Files.writeString(classpath, EngineCommandLine.classpathFile(List.of(jar.toString()), ":"));
        List<String> command = new java.util.ArrayList<>(EngineCommandLine.of(System.getProperty("java.home"),
                classpath.toString(), null, List.of("it's", "a $HOME", "`x`")));
        command.set(command.indexOf(EngineCommandLine.MAIN_CLASS), "Echo");
        Path script = tmp.resolve("script.sh");
        Files.writeString(script, EngineCommandLine.script(command));
        assertThat(Files.readString(script)).startsWith("#!/bin/sh\nexec ");
        Process run = new ProcessBuilder("sh", script.toString()).redirectErrorStream(true).start();
        String out = new String(run.getInputStream().readAllBytes());
        assertThat(run.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(out.lines()).containsExactly("[it's]", "[a $HOME]", "[`x`]");
    }

    /** The installation's bin/mlops, run as a sh step on the PATH would run it: the engine answers. */
    @Test
    void theLauncherRunsTheEngineWithTheBuildsJava(@TempDir Path tmp) throws Exception {
        List<String> jars = List.of(System.getProperty("java.class.path").split(java.io.File.pathSeparator));
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

    @Test
    void theMainClassIsTheCliOfTheEngineJars() throws Exception {
        // the plugin bundles the CLI: the forked JVM must find this class in the same jars
        assertThat(Class.forName(EngineCommandLine.MAIN_CLASS).getMethod("main", String[].class)).isNotNull();
    }
}
