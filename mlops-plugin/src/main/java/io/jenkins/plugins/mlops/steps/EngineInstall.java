package io.jenkins.plugins.mlops.steps;

import hudson.FilePath;
import hudson.model.TaskListener;
import io.jenkins.plugins.mlops.data.Sha256;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The engine's jars on an agent: the plugin's own library folder (where Jenkins unpacked the
 * .hpi on the controller), copied once into {@code <workspace>@tmp/mlops-engine/<checksum>/} and
 * reused by every later build on that workspace, until the plugin changes.
 */
final class EngineInstall {
    private static final String COMPLETE = ".complete";

    private EngineInstall() {
    }

    /** The jars' paths on the agent, copied there first when that version is not there yet. */
    static List<String> onAgent(FilePath workspace, TaskListener listener) throws IOException, InterruptedException {
        Distribution engine = distribution();
        List<Path> jars = engine.jars();
        String checksum = engine.checksum();
        // the workspace's @tmp sibling, where Jenkins keeps a build's helper files
        FilePath parent = workspace.getParent();
        if (parent == null) {
            throw new IOException("the workspace " + workspace.getRemote() + " has no parent folder for the engine");
        }
        FilePath target = parent.child(workspace.getName() + "@tmp/mlops-engine/" + checksum);
        if (!target.child(COMPLETE).exists()) {
            listener.getLogger().println("mlops: installing the engine (" + jars.size() + " jars) on the agent");
            target.mkdirs();
            for (Path jar : jars) {
                try (InputStream in = Files.newInputStream(jar)) {
                    target.child(jar.getFileName().toString()).copyFrom(in);
                }
            }
            // written last: a half-copied folder is never taken for a complete one
            target.child(COMPLETE).copyFrom(InputStream.nullInputStream());
        }
        List<String> paths = new ArrayList<>();
        for (Path jar : jars) {
            paths.add(target.child(jar.getFileName().toString()).getRemote());
        }
        return paths;
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
