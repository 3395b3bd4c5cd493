package io.jenkins.plugins.mlops.steps;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.EnvVars;
import hudson.Extension;
import hudson.model.EnvironmentSpecific;
import hudson.model.Node;
import hudson.model.TaskListener;
import hudson.slaves.NodeSpecific;
import hudson.tools.ToolDescriptor;
import hudson.tools.ToolInstaller;
import hudson.tools.ToolInstallation;
import hudson.tools.ToolProperty;
import java.io.IOException;
import java.util.List;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundConstructor;

/**
 * The mlops engine as a Jenkins tool (Manage Jenkins → Tools): {@code tools { mlops 'engine' }} in
 * Declarative, {@code tool name: 'engine', type: 'mlops'} in Scripted. Jenkins installs it on each
 * agent through its installers (by default {@link BundledEngineInstaller}) or finds it at a home set per
 * node, and hands its folder to the build as {@value #HOME_VARIABLE}, which every mlops step then uses.
 * Without a tool the steps install the bundled engine themselves, in the same place.
 */
public final class MlopsInstallation extends ToolInstallation
        implements NodeSpecific<MlopsInstallation>, EnvironmentSpecific<MlopsInstallation> {
    private static final long serialVersionUID = 1L;

    /** The build variable that names the engine's folder on the agent. */
    public static final String HOME_VARIABLE = "MLOPS_ENGINE_HOME";

    @DataBoundConstructor
    public MlopsInstallation(String name, String home, List<? extends ToolProperty<?>> properties) {
        super(name, home, properties);
    }

    @Override
    public MlopsInstallation forNode(@NonNull Node node, TaskListener log) throws IOException, InterruptedException {
        return new MlopsInstallation(getName(), translateFor(node, log), getProperties().toList());
    }

    @Override
    public MlopsInstallation forEnvironment(EnvVars environment) {
        return new MlopsInstallation(getName(), environment.expand(getHome()), getProperties().toList());
    }

    @Override
    public void buildEnvVars(EnvVars env) {
        String home = getHome();
        if (home != null && !home.isBlank()) {
            env.put(HOME_VARIABLE, home);
            // the engine's own command for sh steps: tools { mlops 'NAME' } puts mlops on the PATH
            env.put("PATH+MLOPS", home + "/bin");
        }
    }

    @Extension
    @Symbol("mlops")
    public static final class DescriptorImpl extends ToolDescriptor<MlopsInstallation> {
        public DescriptorImpl() {
            load();
        }

        @NonNull
        @Override
        public String getDisplayName() {
            return "mlops engine";
        }

        @Override
        public List<? extends ToolInstaller> getDefaultInstallers() {
            return List.of(new BundledEngineInstaller(null));
        }

        @Override
        public void setInstallations(MlopsInstallation... installations) {
            super.setInstallations(installations);
            save();
        }
    }
}
