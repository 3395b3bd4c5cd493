package org.jenkinsci.plugins.durabletask;

import org.kohsuke.stapler.DataBoundConstructor;

/** Real (durable-task): {@code public final class BourneShellScript extends FileMonitoringTask}. */
public final class BourneShellScript extends FileMonitoringTask {
    @DataBoundConstructor
    public BourneShellScript(String script) {
        throw new UnsupportedOperationException("signature only");
    }

    public String getScript() {
        throw new UnsupportedOperationException("signature only");
    }
}
