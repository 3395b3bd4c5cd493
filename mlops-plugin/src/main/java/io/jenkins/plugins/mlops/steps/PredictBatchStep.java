package io.jenkins.plugins.mlops.steps;

import hudson.Extension;
import io.jenkins.plugins.mlops.adapter.Arguments;
import io.jenkins.plugins.mlops.contract.Stage;
import java.util.List;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * {@code predictBatch}: {@code mlops predict} as a Pipeline step: a file scored with a registered
 * version (or a package), streaming, with the prediction drift against the training reference.
 */
public class PredictBatchStep extends EngineStep {
    private static final long serialVersionUID = 1L;
    /** The name a Jenkinsfile calls the step by. */
    static final String FUNCTION_NAME = "predictBatch";

    private final String model;
    private final String data;
    private String predictions;
    private String registry;

    @DataBoundConstructor
    public PredictBatchStep(String model, String data) {
        this.model = model;
        this.data = data;
    }

    public String getModel() {
        return model;
    }

    public String getData() {
        return data;
    }

    public String getPredictions() {
        return predictions;
    }

    /** The predictions CSV; default: {@code predictions.csv} in the report folder. */
    @DataBoundSetter
    public void setPredictions(String predictions) {
        this.predictions = fixEmpty(predictions);
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
        return Stage.PREDICT.result();
    }

    @Override
    List<String> arguments() {
        return new Arguments("predict").option("model", model).option("data", data)
                .option("predictions", predictions).option("registry", registry).toList();
    }

    @Extension
    public static final class DescriptorImpl extends EngineStepDescriptor {
        public DescriptorImpl() {
            super(FUNCTION_NAME, "Score a file with a model version (mlops)");
        }
    }
}
