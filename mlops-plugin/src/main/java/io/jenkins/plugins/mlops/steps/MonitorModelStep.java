package io.jenkins.plugins.mlops.steps;

import hudson.Extension;
import io.jenkins.plugins.mlops.adapter.Arguments;
import io.jenkins.plugins.mlops.contract.Stage;
import java.util.List;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/** {@code monitorModel}: monitor a model's traffic for drift; {@code mlops monitor} as a Pipeline step. */
public class MonitorModelStep extends EngineStep {
    private static final long serialVersionUID = 1L;
    /** The name a Jenkinsfile calls the step by. */
    static final String FUNCTION_NAME = "monitorModel";

    private final String log;
    private String model;
    private String reference;
    private String window;

    @DataBoundConstructor
    public MonitorModelStep(String log) {
        this.log = log;
    }

    public String getLog() {
        return log;
    }

    public String getModel() {
        return model;
    }

    @DataBoundSetter
    public void setModel(String model) {
        this.model = fixEmpty(model);
    }

    public String getReference() {
        return reference;
    }

    @DataBoundSetter
    public void setReference(String reference) {
        this.reference = fixEmpty(reference);
    }

    public String getWindow() {
        return window;
    }

    @DataBoundSetter
    public void setWindow(String window) {
        this.window = fixEmpty(window);
    }

    @Override
    String resultName() {
        return Stage.MONITOR.result();
    }

    @Override
    List<String> arguments() {
        return new Arguments("monitor").option("log", log).option("model", model).option("reference", reference)
                .option("window", window)
                .toList();
    }

    @Extension
    public static final class DescriptorImpl extends EngineStepDescriptor {
        public DescriptorImpl() {
            super(FUNCTION_NAME, "Monitor a model's traffic for drift (mlops)");
        }
    }
}
