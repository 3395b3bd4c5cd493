package io.jenkins.plugins.mlops.steps;

import hudson.Extension;
import io.jenkins.plugins.mlops.adapter.Arguments;
import io.jenkins.plugins.mlops.contract.Stage;
import java.util.List;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/** {@code verifyAudit}: {@code mlops audit verify} as a Pipeline step; a tampered log fails it, naming the entry. */
public class VerifyAuditStep extends EngineStep {
    private static final long serialVersionUID = 1L;
    /** The name a Jenkinsfile calls the step by. */
    static final String FUNCTION_NAME = "verifyAudit";

    private String registry;

    @DataBoundConstructor
    public VerifyAuditStep() {
    }

    public String getRegistry() {
        return registry;
    }

    /** The registry whose audit log is verified; default: {@code MLOPS_HOME}, else the global configuration's. */
    @DataBoundSetter
    public void setRegistry(String registry) {
        this.registry = fixEmpty(registry);
    }

    @Override
    String resultName() {
        return Stage.AUDIT.result();
    }

    @Override
    List<String> arguments() {
        return new Arguments("audit", "verify").option("registry", registry).toList();
    }

    @Extension
    public static final class DescriptorImpl extends EngineStepDescriptor {
        public DescriptorImpl() {
            super(FUNCTION_NAME, "Verify the registry's audit log (mlops)");
        }
    }
}
