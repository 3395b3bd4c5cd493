package io.jenkins.plugins.mlops.steps;

import hudson.Extension;
import io.jenkins.plugins.mlops.adapter.Arguments;
import io.jenkins.plugins.mlops.contract.Stage;
import java.util.List;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/** {@code deployModel}: deploy a registered model to a model server; {@code mlops deploy} as a Pipeline step. */
public class DeployModelStep extends ModelServerStep {
    private static final long serialVersionUID = 1L;
    /** The name a Jenkinsfile calls the step by. */
    static final String FUNCTION_NAME = "deployModel";

    private final String model;
    private String strategy;
    private String weight;

    @DataBoundConstructor
    public DeployModelStep(String model) {
        this.model = model;
    }

    public String getModel() {
        return model;
    }

    public String getStrategy() {
        return strategy;
    }

    @DataBoundSetter
    public void setStrategy(String strategy) {
        this.strategy = fixEmpty(strategy);
    }

    public String getWeight() {
        return weight;
    }

    @DataBoundSetter
    public void setWeight(String weight) {
        this.weight = fixEmpty(weight);
    }

    @Override
    String resultName() {
        return Stage.DEPLOY.result();
    }

    @Override
    List<String> arguments() {
        return new Arguments("deploy").option("server", getServer()).option("model", model).option("strategy", strategy)
                .option("weight", weight)
                .toList();
    }

    @Extension
    public static final class DescriptorImpl extends EngineStepDescriptor {
        public DescriptorImpl() {
            super(FUNCTION_NAME, "Deploy a registered model to a model server (mlops)");
        }
    }
}
