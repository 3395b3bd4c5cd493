package io.jenkins.plugins.mlops.steps;

import hudson.Extension;
import io.jenkins.plugins.mlops.adapter.Arguments;
import io.jenkins.plugins.mlops.contract.Stage;
import java.util.List;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/** {@code analyzeCanary}: {@code mlops canary} as a Pipeline step. */
public class AnalyzeCanaryStep extends ModelServerStep {
    private static final long serialVersionUID = 1L;
    /** The name a Jenkinsfile calls the step by. */
    static final String FUNCTION_NAME = "analyzeCanary";

    private final String model;
    private final String primary;
    private final String canary;
    private final String log;
    private String minRows;
    private String maxLatencyRatio;
    private String registry;

    @DataBoundConstructor
    public AnalyzeCanaryStep(String model, String primary, String canary, String log) {
        this.model = model;
        this.primary = primary;
        this.canary = canary;
        this.log = log;
    }

    public String getModel() {
        return model;
    }

    public String getPrimary() {
        return primary;
    }

    public String getCanary() {
        return canary;
    }

    public String getLog() {
        return log;
    }

    public String getMinRows() {
        return minRows;
    }

    @DataBoundSetter
    public void setMinRows(String minRows) {
        this.minRows = fixEmpty(minRows);
    }

    public String getMaxLatencyRatio() {
        return maxLatencyRatio;
    }

    @DataBoundSetter
    public void setMaxLatencyRatio(String maxLatencyRatio) {
        this.maxLatencyRatio = fixEmpty(maxLatencyRatio);
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
        return Stage.CANARY.result();
    }

    @Override
    List<String> arguments() {
        return new Arguments("canary").option("model", model).option("primary", primary).option("canary", canary)
                .option("log", log).option("server", getServer()).option("min-rows", minRows)
                .option("max-latency-ratio", maxLatencyRatio).option("registry", registry).toList();
    }

    @Extension
    public static final class DescriptorImpl extends EngineStepDescriptor {
        public DescriptorImpl() {
            super(FUNCTION_NAME, "Analyse a canary, then promote or roll it back (mlops)");
        }
    }
}
