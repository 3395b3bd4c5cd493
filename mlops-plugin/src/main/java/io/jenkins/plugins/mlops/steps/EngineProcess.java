package io.jenkins.plugins.mlops.steps;

import hudson.EnvVars;
import hudson.FilePath;
import hudson.Launcher;
import hudson.model.TaskListener;
import io.jenkins.plugins.mlops.adapter.EngineCommandLine;
import java.io.IOException;
import java.io.Serializable;
import java.util.List;
import org.jenkinsci.plugins.durabletask.BourneShellScript;
import org.jenkinsci.plugins.durabletask.Controller;
import org.jenkinsci.plugins.workflow.FilePathUtils;

/**
 * One engine JVM on an agent, started the way the {@code sh} step starts its scripts (durable-task):
 * detached from the agent's connection, with its log and exit code in files beside the workspace.
 * So a controller restart does not stop it: the step finds it again by node and path and reads on.
 * Serialisable with the step's execution; the workspace is looked up again after a restart.
 */
final class EngineProcess implements Serializable {
    private static final long serialVersionUID = 1L;

    private final String node;
    private final String workspace;
    private final Controller controller;

    private EngineProcess(String node, String workspace, Controller controller) {
        this.node = node;
        this.workspace = workspace;
        this.controller = controller;
    }

    static EngineProcess start(FilePath workspace, Launcher launcher, EnvVars env, List<String> command,
                               TaskListener listener) throws IOException, InterruptedException {
        Controller controller = new BourneShellScript(EngineCommandLine.script(command)).launch(env, workspace, launcher,
                listener);
        return new EngineProcess(FilePathUtils.getNodeName(workspace), workspace.getRemote(), controller);
    }

    /** The workspace, or {@code null} while its agent is offline (e.g. not yet reconnected after a restart). */
    FilePath workspace() {
        return FilePathUtils.find(node, workspace);
    }

    String node() {
        return node;
    }

    /** Copies new log output to the build log; whether there was any. */
    boolean copyLog(FilePath ws, TaskListener listener) throws IOException, InterruptedException {
        return controller.writeLog(ws, listener.getLogger());
    }

    /** The engine's exit code once it has ended (the last output copied, its files removed), else {@code null}. */
    Integer exitCode(FilePath ws, TaskListener listener) throws IOException, InterruptedException {
        Integer exitCode = controller.exitStatus(ws, ws.createLauncher(listener), listener);
        if (exitCode != null) {
            controller.writeLog(ws, listener.getLogger());
            controller.cleanup(ws);
        }
        return exitCode;
    }

    /** Waits for the engine on this thread (for short runs off the Pipeline's thread), copying its log. */
    int await(FilePath ws, TaskListener listener) throws IOException, InterruptedException {
        Integer exitCode;
        while ((exitCode = exitCode(ws, listener)) == null) {
            copyLog(ws, listener);
            Thread.sleep(250);
        }
        return exitCode;
    }

    /** Kills the engine (the abort of a build); {@link #poll} then sees it end. */
    void stop(FilePath ws, TaskListener listener) throws IOException, InterruptedException {
        controller.stop(ws, ws.createLauncher(listener));
    }
}
