package io.jenkins.plugins.mlops.steps;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.AbortException;
import hudson.Extension;
import hudson.FilePath;
import hudson.model.Node;
import hudson.model.TaskListener;
import hudson.tools.ToolInstallation;
import hudson.tools.ToolInstaller;
import hudson.tools.ToolInstallerDescriptor;
import java.io.IOException;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundConstructor;

/**
 * Installs the engine this plugin bundles on an agent, once per agent and plugin version: into the
 * tool's home when one is set, else where the steps install it without a tool, so both share one copy.
 */
public final class BundledEngineInstaller extends ToolInstaller {
    @DataBoundConstructor
    public BundledEngineInstaller(String label) {
        super(label);
    }

    @Override
    public FilePath performInstallation(ToolInstallation tool, Node node, TaskListener log) throws IOException,
            InterruptedException {
        FilePath root = node.getRootPath();
        if (root == null) {
            throw new AbortException("mlops: the agent '" + node.getNodeName() + "' is offline; the engine cannot be"
                    + " installed there");
        }
        String home = tool.getHome();
        FilePath base = home == null || home.isBlank() ? root.child(EngineInstall.SHARED_FOLDER)
                : preferredLocation(tool, node);
        return EngineInstall.into(base, log);
    }

    @Extension
    @Symbol("bundledEngine")
    public static final class DescriptorImpl extends ToolInstallerDescriptor<BundledEngineInstaller> {
        @NonNull
        @Override
        public String getDisplayName() {
            return "Install the engine bundled with the mlops plugin";
        }

        @Override
        public boolean isApplicable(Class<? extends ToolInstallation> toolType) {
            return toolType == MlopsInstallation.class;
        }
    }
}
