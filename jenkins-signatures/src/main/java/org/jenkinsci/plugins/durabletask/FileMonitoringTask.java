package org.jenkinsci.plugins.durabletask;

import hudson.EnvVars;
import hudson.FilePath;
import hudson.Launcher;
import hudson.model.TaskListener;
import java.io.IOException;

/** Real (durable-task): {@code public abstract class FileMonitoringTask extends DurableTask} (subset). */
public abstract class FileMonitoringTask extends DurableTask {
    protected FileMonitoringTask() {
        throw new UnsupportedOperationException("signature only");
    }

    @Override
    public final Controller launch(EnvVars env, FilePath workspace, Launcher launcher, TaskListener listener)
            throws IOException, InterruptedException {
        throw new UnsupportedOperationException("signature only");
    }
}
