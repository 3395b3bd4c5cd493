package io.jenkins.plugins.mlops.steps;

import hudson.Extension;
import io.jenkins.plugins.mlops.adapter.Arguments;
import io.jenkins.plugins.mlops.contract.Stage;
import java.util.List;
import org.kohsuke.stapler.DataBoundConstructor;

/** {@code trainModel}: a DL4J network from a YAML training spec, packaged with its preprocessing and lineage. */
public class TrainModelStep extends EngineStep {
    private static final long serialVersionUID = 1L;
    /** The name a Jenkinsfile calls the step by. */
    static final String FUNCTION_NAME = "trainModel";

    private final String spec;
    private final String data;

    @DataBoundConstructor
    public TrainModelStep(String spec, String data) {
        this.spec = spec;
        this.data = data;
    }

    public String getSpec() {
        return spec;
    }

    public String getData() {
        return data;
    }

    @Override
    String resultName() {
        return Stage.TRAIN.result();
    }

    @Override
    List<String> arguments() {
        return new Arguments("train").option("spec", spec).option("data", data).toList();
    }

    @Extension
    public static final class DescriptorImpl extends EngineStepDescriptor {
        public DescriptorImpl() {
            super(FUNCTION_NAME, "Train a model from a spec (mlops)");
        }
    }
}
