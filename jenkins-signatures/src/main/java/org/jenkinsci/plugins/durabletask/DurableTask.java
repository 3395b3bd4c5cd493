package org.jenkinsci.plugins.durabletask;

import hudson.EnvVars;
import hudson.ExtensionPoint;
import hudson.FilePath;
import hudson.Launcher;
import hudson.model.AbstractDescribableImpl;
import hudson.model.TaskListener;
import java.io.IOException;

/** Real (durable-task): {@code public abstract class DurableTask extends AbstractDescribableImpl<DurableTask> implements ExtensionPoint}. */
public abstract class DurableTask extends AbstractDescribableImpl<DurableTask> implements ExtensionPoint {
    protected DurableTask() {
        throw new UnsupportedOperationException("signature only");
    }

    public abstract Controller launch(EnvVars env, FilePath workspace, Launcher launcher, TaskListener listener)
            throws IOException, InterruptedException;
}
