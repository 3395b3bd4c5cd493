package io.jenkins.plugins.mlops.steps;

import hudson.Extension;
import io.jenkins.plugins.mlops.adapter.Arguments;
import io.jenkins.plugins.mlops.contract.Stage;
import java.util.List;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/** {@code modelCard}: {@code mlops registry card} as a Pipeline step; unstated card fields are warnings. */
public class ModelCardStep extends EngineStep {
    private static final long serialVersionUID = 1L;
    /** The name a Jenkinsfile calls the step by. */
    static final String FUNCTION_NAME = "modelCard";

    private final String model;
    private String test;
    private String registry;

    @DataBoundConstructor
    public ModelCardStep(String model) {
        this.model = model;
    }

    public String getModel() {
        return model;
    }

    public String getTest() {
        return test;
    }

    /** The testModel step's {@code test.json} for this version: adds its metrics, slices and importance. */
    @DataBoundSetter
    public void setTest(String test) {
        this.test = fixEmpty(test);
    }

    public String getRegistry() {
        return registry;
    }

    @DataBoundSetter
    public void setRegistry(String registry) {
        this.registry = fixEmpty(registry);
    }

    @Override
    String resultName() {
        return Stage.CARD.result();
    }

    @Override
    List<String> arguments() {
        return new Arguments("registry", "card").positional(model).option("test", test).option("registry", registry)
                .toList();
    }

    @Extension
    public static final class DescriptorImpl extends EngineStepDescriptor {
        public DescriptorImpl() {
            super(FUNCTION_NAME, "Write a model version's model card (mlops)");
        }
    }
}
