package io.jenkins.plugins.mlops.steps;

import hudson.Extension;
import io.jenkins.plugins.mlops.adapter.Arguments;
import io.jenkins.plugins.mlops.contract.Stage;
import java.util.List;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/** {@code registerModel}: register a model version; {@code mlops registry register} as a Pipeline step. */
public class RegisterModelStep extends EngineStep {
    private static final long serialVersionUID = 1L;
    /** The name a Jenkinsfile calls the step by. */
    static final String FUNCTION_NAME = "registerModel";

    private final String model;
    private final String name;
    private String alias;
    private String parent;
    private String registry;

    @DataBoundConstructor
    public RegisterModelStep(String model, String name) {
        this.model = model;
        this.name = name;
    }

    public String getModel() {
        return model;
    }

    public String getName() {
        return name;
    }

    public String getAlias() {
        return alias;
    }

    @DataBoundSetter
    public void setAlias(String alias) {
        this.alias = fixEmpty(alias);
    }

    public String getParent() {
        return parent;
    }

    @DataBoundSetter
    public void setParent(String parent) {
        this.parent = fixEmpty(parent);
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
        return Stage.REGISTER.result();
    }

    @Override
    List<String> arguments() {
        return new Arguments("registry", "register").option("model", model).option("name", name)
                .option("alias", alias).option("parent", parent).option("registry", registry)
                .toList();
    }

    @Extension
    public static final class DescriptorImpl extends EngineStepDescriptor {
        public DescriptorImpl() {
            super(FUNCTION_NAME, "Register a model version (mlops)");
        }
    }
}
