package io.jenkins.plugins.mlops.steps;

import hudson.Extension;
import hudson.model.Cause;
import hudson.model.Run;
import io.jenkins.plugins.mlops.adapter.Arguments;
import io.jenkins.plugins.mlops.gate.GateStep;
import java.util.ArrayList;
import java.util.List;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/** {@code modelGate}: decide whether a model may go on; {@code mlops gate} as a Pipeline step. */
public class ModelGateStep extends EngineStep {
    private static final long serialVersionUID = 1L;
    /** The name a Jenkinsfile calls the step by. */
    static final String FUNCTION_NAME = "modelGate";

    private final List<String> results;
    private String policy;
    private String stage;
    private String model;
    private String registry;
    private boolean requireApproval;

    @DataBoundConstructor
    public ModelGateStep(List<String> results) {
        // a plain ArrayList: the step is kept in the build's program state, which must serialise it
        this.results = new ArrayList<>(results);
    }

    public List<String> getResults() {
        return results;
    }

    public String getPolicy() {
        return policy;
    }

    @DataBoundSetter
    public void setPolicy(String policy) {
        this.policy = policy;
    }

    public String getStage() {
        return stage;
    }

    @DataBoundSetter
    public void setStage(String stage) {
        this.stage = stage;
    }

    public String getModel() {
        return model;
    }

    @DataBoundSetter
    public void setModel(String model) {
        this.model = model;
    }

    public String getRegistry() {
        return registry;
    }

    @DataBoundSetter
    public void setRegistry(String registry) {
        this.registry = registry;
    }

    public boolean isRequireApproval() {
        return requireApproval;
    }

    @DataBoundSetter
    public void setRequireApproval(boolean requireApproval) {
        this.requireApproval = requireApproval;
    }

    @Override
    String resultName() {
        return GateStep.STEP;
    }

    @Override
    List<String> arguments() {
        return new Arguments("gate").options("results", results).option("policy", policy).option("stage", stage)
                .option("model", model).option("registry", registry).flag("require-approval", requireApproval)
                .toList();
    }

    /**
     * Adds who started the build ("Started by user ..."), for the policy's four-eyes rule: that
     * person may not approve the model. Builds started by SCM or a timer have no such user.
     */
    @Override
    List<String> arguments(Run<?, ?> run) {
        List<String> arguments = new ArrayList<>(arguments());
        Cause.UserIdCause cause = run.getCause(Cause.UserIdCause.class);
        if (cause != null && cause.getUserId() != null) {
            arguments.add("--started-by");
            arguments.add(cause.getUserId());
        }
        return arguments;
    }

    @Extension
    public static final class DescriptorImpl extends EngineStepDescriptor {
        public DescriptorImpl() {
            super(FUNCTION_NAME, "Decide whether a model may go on (mlops)");
        }
    }
}
