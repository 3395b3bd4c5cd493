package io.jenkins.plugins.mlops.steps;

import hudson.Extension;
import io.jenkins.plugins.mlops.adapter.Arguments;
import io.jenkins.plugins.mlops.contract.Stage;
import java.util.List;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/** {@code promoteModel}: {@code mlops registry promote} as a Pipeline step; the move is in the audit log. */
public class PromoteModelStep extends EngineStep {
    private static final long serialVersionUID = 1L;
    /** The name a Jenkinsfile calls the step by. */
    static final String FUNCTION_NAME = "promoteModel";

    private final String model;
    private final String alias;
    private String registry;

    @DataBoundConstructor
    public PromoteModelStep(String model, String alias) {
        this.model = model;
        this.alias = alias;
    }

    public String getModel() {
        return model;
    }

    public String getAlias() {
        return alias;
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
        return Stage.PROMOTE.result();
    }

    @Override
    List<String> arguments() {
        return new Arguments("registry", "promote").positional(model).option("alias", alias)
                .option("registry", registry).toList();
    }

    @Extension
    public static final class DescriptorImpl extends EngineStepDescriptor {
        public DescriptorImpl() {
            super(FUNCTION_NAME, "Point an alias at a model version (mlops)");
        }
    }
}
