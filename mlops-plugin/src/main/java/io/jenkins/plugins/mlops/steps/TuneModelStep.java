package io.jenkins.plugins.mlops.steps;

import hudson.Extension;
import io.jenkins.plugins.mlops.adapter.Arguments;
import io.jenkins.plugins.mlops.contract.Stage;
import java.util.List;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/** {@code tuneModel}: {@code mlops tune} as a Pipeline step. */
public class TuneModelStep extends EngineStep {
    private static final long serialVersionUID = 1L;
    /** The name a Jenkinsfile calls the step by. */
    static final String FUNCTION_NAME = "tuneModel";

    private final String spec;
    private final String data;
    private String parallelism;
    private String shard;

    @DataBoundConstructor
    public TuneModelStep(String spec, String data) {
        this.spec = spec;
        this.data = data;
    }

    public String getSpec() {
        return spec;
    }

    public String getData() {
        return data;
    }

    public String getParallelism() {
        return parallelism;
    }

    @DataBoundSetter
    public void setParallelism(String parallelism) {
        this.parallelism = fixEmpty(parallelism);
    }

    public String getShard() {
        return shard;
    }

    @DataBoundSetter
    public void setShard(String shard) {
        this.shard = fixEmpty(shard);
    }

    @Override
    String resultName() {
        return Stage.TUNE.result();
    }

    @Override
    List<String> arguments() {
        return new Arguments("tune")
                .option("spec", spec)
                .option("data", data)
                .option("parallelism", parallelism)
                .option("shard", shard).toList();
    }

    @Extension
    public static final class DescriptorImpl extends EngineStepDescriptor {
        public DescriptorImpl() {
            super(FUNCTION_NAME, "Tune a model's hyperparameters (mlops)");
        }
    }
}
