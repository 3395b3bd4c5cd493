package org.jenkinsci.plugins.durabletask;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.FilePath;
import hudson.Launcher;
import hudson.model.TaskListener;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Serializable;

/** Real (durable-task): {@code public abstract class Controller implements Serializable} (top-level). */
public abstract class Controller implements Serializable {
    private static final long serialVersionUID = 1L;

    protected Controller() {
        throw new UnsupportedOperationException("signature only");
    }

    public abstract boolean writeLog(FilePath workspace, OutputStream sink) throws IOException, InterruptedException;

    public @CheckForNull Integer exitStatus(FilePath workspace, Launcher launcher, TaskListener logger)
            throws IOException, InterruptedException {
        throw new UnsupportedOperationException("signature only");
    }

    public void stop(FilePath workspace, Launcher launcher) throws IOException, InterruptedException {
        throw new UnsupportedOperationException("signature only");
    }

    public abstract void cleanup(FilePath workspace) throws IOException, InterruptedException;
}
