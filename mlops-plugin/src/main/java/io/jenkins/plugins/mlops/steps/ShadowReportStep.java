package io.jenkins.plugins.mlops.steps;

import hudson.Extension;
import io.jenkins.plugins.mlops.adapter.Arguments;
import io.jenkins.plugins.mlops.contract.Stage;
import java.util.List;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/** {@code shadowReport}: {@code mlops shadow} as a Pipeline step. */
public class ShadowReportStep extends EngineStep {
    private static final long serialVersionUID = 1L;
    /** The name a Jenkinsfile calls the step by. */
    static final String FUNCTION_NAME = "shadowReport";

    private final String log;
    private final String model;
    private final String shadow;
    private String minAgreement;
    private String registry;

    @DataBoundConstructor
    public ShadowReportStep(String log, String model, String shadow) {
        this.log = log;
        this.model = model;
        this.shadow = shadow;
    }

    public String getLog() {
        return log;
    }

    public String getModel() {
        return model;
    }

    public String getShadow() {
        return shadow;
    }

    public String getMinAgreement() {
        return minAgreement;
    }

    @DataBoundSetter
    public void setMinAgreement(String minAgreement) {
        this.minAgreement = fixEmpty(minAgreement);
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
        return Stage.SHADOW.result();
    }

    @Override
    List<String> arguments() {
        return new Arguments("shadow")
                .option("log", log)
                .option("model", model)
                .option("shadow", shadow)
                .option("min-agreement", minAgreement)
                .option("registry", registry).toList();
    }

    @Extension
    public static final class DescriptorImpl extends EngineStepDescriptor {
        public DescriptorImpl() {
            super(FUNCTION_NAME, "Compare a shadow model with the primary (mlops)");
        }
    }
}
