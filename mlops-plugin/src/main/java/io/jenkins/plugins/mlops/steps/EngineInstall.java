package io.jenkins.plugins.mlops.steps;

import hudson.AbortException;
import hudson.EnvVars;
import hudson.FilePath;
import hudson.model.Computer;
import hudson.model.Node;
import hudson.model.TaskListener;
import io.jenkins.plugins.mlops.adapter.EngineCommandLine;
import io.jenkins.plugins.mlops.data.Sha256;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * The engine's jars on an agent, once per agent and plugin version: the plugin's own library folder
 * (where Jenkins unpacked the .hpi on the controller), copied into
 * {@code <agent root>/tools/mlops-engine/<checksum>/} (beside Jenkins' own tool installations) the
 * first time a step runs there, or by the {@link BundledEngineInstaller} of an {@link
 * MlopsInstallation}, and shared by every job, branch and workspace of that agent. A
 * copy goes to a private folder first and is renamed into place, so that two builds installing at
 * once never read each other's half-written jars.
 */
final class EngineInstall {
    /** The argument file that names the jars ({@code java @engine.classpath ...}). */
    static final String CLASSPATH_FILE = "engine.classpath";
    /** The {@code mlops} command of an installation, which the mlops tool puts on the PATH. */
    static final String LAUNCHER = "bin/mlops";

    private EngineInstall() {
    }

    /** Where the engine goes below an agent's root folder, beside Jenkins' own tool installations. */
    static final String SHARED_FOLDER = "tools/mlops-engine";

    /**
     * The engine's argument file on the agent of {@code workspace}: the mlops tool's, when the build
     * has one ({@code tools { mlops '…' }}), else the bundled engine's, installed first when that
     * version is not there yet.
     */
    static String onAgent(FilePath workspace, EnvVars env, TaskListener listener) throws IOException,
            InterruptedException {
        String home = env.get(MlopsInstallation.HOME_VARIABLE);
        if (home != null && !home.isBlank()) {
            FilePath file = workspace.child(home).child(CLASSPATH_FILE);
            if (!file.exists()) {
                throw new AbortException("mlops: " + MlopsInstallation.HOME_VARIABLE + "=" + home + " holds no mlops"
                        + " engine (no " + CLASSPATH_FILE + " there); give the mlops tool the installer 'Install the"
                        + " engine bundled with the mlops plugin', or leave the tool out");
            }
            return file.getRemote();
        }
        return into(agentRoot(workspace).child(SHARED_FOLDER), listener).child(CLASSPATH_FILE).getRemote();
    }

    /** The engine of this plugin version in {@code <base>/<checksum>/}, copied there first when it is not. */
    static FilePath into(FilePath base, TaskListener listener) throws IOException, InterruptedException {
        Distribution engine = distribution();
        FilePath target = base.child(engine.checksum());
        if (!target.child(CLASSPATH_FILE).exists()) {
            listener.getLogger().println("mlops: installing the engine (" + engine.jars().size()
                    + " jars, once per agent and plugin version) in " + target.getRemote());
            base.mkdirs();
            FilePath staging = base.child(engine.checksum() + ".installing-" + UUID.randomUUID());
            staging.mkdirs();
            for (Path jar : engine.jars()) {
                try (InputStream in = Files.newInputStream(jar)) {
                    staging.child(jar.getFileName().toString()).copyFrom(in);
                }
            }
            List<String> paths = new ArrayList<>();
            for (Path jar : engine.jars()) {
                paths.add(target.child(jar.getFileName().toString()).getRemote());
            }
            FilePath launcher = staging.child(LAUNCHER);
            launcher.getParent().mkdirs();
            launcher.write(EngineCommandLine.launcher(target.child(CLASSPATH_FILE).getRemote()), "UTF-8");
            launcher.chmod(0755);
            // written last: an installation without it is never taken for a complete one
            staging.child(CLASSPATH_FILE).write(EngineCommandLine.classpathFile(paths, ":"), "UTF-8");
            try {
                staging.renameTo(target);
            } catch (IOException e) {
                // another step (a parallel branch on this agent) renamed its copy into place first
                if (!target.child(CLASSPATH_FILE).exists()) {
                    throw e;
                }
                staging.deleteRecursive();
            }
        }
        return target;
    }

    /** The agent's root folder (its "Remote root directory"), else the workspace's own {@code @tmp} folder. */
    private static FilePath agentRoot(FilePath workspace) throws IOException {
        Computer computer = workspace.toComputer();
        Node node = computer == null ? null : computer.getNode();
        FilePath root = node == null ? null : node.getRootPath();
        if (root != null) {
            return root;
        }
        FilePath parent = workspace.getParent();
        if (parent == null) {
            throw new AbortException("mlops: the workspace " + workspace.getRemote() + " has no folder for the engine");
        }
        return parent.child(workspace.getName() + "@tmp");
    }

    /** The plugin's jars and their checksum. */
    private record Distribution(List<Path> jars, String checksum) {
    }

    /**
     * Found and hashed once per Jenkins process (some 140 MB: not again for every step); a new
     * plugin version means a restart, hence a new checksum.
     */
    private static Distribution distribution;

    private static synchronized Distribution distribution() throws IOException {
        if (distribution == null) {
            List<Path> jars = pluginJars();
            distribution = new Distribution(jars, Sha256.of(jars).substring(0, 16));
        }
        return distribution;
    }

    /** Every jar beside the one holding this class: the plugin's {@code WEB-INF/lib}. */
    static List<Path> pluginJars() throws IOException {
        Path self;
        try {
            self = Path.of(EngineInstall.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IOException("cannot locate the plugin's jars", e);
        }
        try (Stream<Path> files = Files.list(self.getParent())) {
            return files.filter(p -> p.getFileName().toString().endsWith(".jar")).sorted().toList();
        }
    }
}
