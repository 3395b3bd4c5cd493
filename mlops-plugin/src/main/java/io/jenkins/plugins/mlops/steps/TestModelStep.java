package io.jenkins.plugins.mlops.steps;

import hudson.Extension;
import io.jenkins.plugins.mlops.adapter.Arguments;
import io.jenkins.plugins.mlops.contract.Stage;
import java.util.List;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/** {@code testModel}: test a model against thresholds and a baseline; {@code mlops test} as a Pipeline step. */
public class TestModelStep extends EngineStep {
    private static final long serialVersionUID = 1L;
    /** The name a Jenkinsfile calls the step by. */
    static final String FUNCTION_NAME = "testModel";

    private final String model;
    private final String data;
    private String suite;
    private String baseline;

    @DataBoundConstructor
    public TestModelStep(String model, String data) {
        this.model = model;
        this.data = data;
    }

    public String getModel() {
        return model;
    }

    public String getData() {
        return data;
    }

    public String getSuite() {
        return suite;
    }

    @DataBoundSetter
    public void setSuite(String suite) {
        this.suite = fixEmpty(suite);
    }

    public String getBaseline() {
        return baseline;
    }

    @DataBoundSetter
    public void setBaseline(String baseline) {
        this.baseline = fixEmpty(baseline);
    }

    @Override
    String resultName() {
        return Stage.TEST.result();
    }

    @Override
    List<String> arguments() {
        return new Arguments("test").option("model", model).option("data", data).option("suite", suite)
                .option("baseline", baseline)
                .toList();
    }

    @Extension
    public static final class DescriptorImpl extends EngineStepDescriptor {
        public DescriptorImpl() {
            super(FUNCTION_NAME, "Test a model against thresholds and a baseline (mlops)");
        }
    }
}
