package io.jenkins.plugins.mlops.steps;

import hudson.Extension;
import io.jenkins.plugins.mlops.adapter.Arguments;
import io.jenkins.plugins.mlops.contract.Stage;
import java.util.List;
import org.kohsuke.stapler.DataBoundConstructor;

/** {@code rollbackModel}: roll a model server back; {@code mlops deploy --rollback} as a Pipeline step. */
public class RollbackModelStep extends ModelServerStep {
    private static final long serialVersionUID = 1L;
    /** The name a Jenkinsfile calls the step by. */
    static final String FUNCTION_NAME = "rollbackModel";

    private final String model;

    @DataBoundConstructor
    public RollbackModelStep(String model) {
        this.model = model;
    }

    public String getModel() {
        return model;
    }

    @Override
    String resultName() {
        return Stage.DEPLOY.result();
    }

    @Override
    List<String> arguments() {
        return new Arguments("deploy").option("server", getServer()).option("model", model).flag("rollback", true)
                .toList();
    }

    @Extension
    public static final class DescriptorImpl extends EngineStepDescriptor {
        public DescriptorImpl() {
            super(FUNCTION_NAME, "Roll a model server back (mlops)");
        }
    }
}
