package io.jenkins.plugins.mlops.steps;

import hudson.Extension;
import io.jenkins.plugins.mlops.contract.ApprovalDecision;
import io.jenkins.plugins.mlops.adapter.Arguments;
import io.jenkins.plugins.mlops.contract.Stage;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import hudson.model.Run;
import hudson.model.TaskListener;
import org.jenkinsci.plugins.workflow.graph.FlowNode;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * {@code approveModel}: pauses the build until a person decides on the model the gate judged, on a
 * prompt that shows the gate's evidence; the decision goes through {@code mlops approve}, which
 * applies the policy's rules (group, four eyes) and records it in the registry's audit log. See
 * {@link ApproveModelExecution} for why this is an execution of our own and not the {@code input}
 * step's.
 */
public class ApproveModelStep extends EngineStep {
    private static final long serialVersionUID = 1L;
    /** The name a Jenkinsfile calls the step by. */
    static final String FUNCTION_NAME = "approveModel";

    private final String model;
    private String gate;
    private String registry;
    private String submitter;
    private int timeoutMinutes;

    @DataBoundConstructor
    public ApproveModelStep(String model) {
        this.model = model;
    }

    public String getModel() {
        return model;
    }

    public String getGate() {
        return gate;
    }

    /**
     * Which {@code modelGate} of this build the approval answers, by its report folder ({@code out},
     * e.g. {@code mlops/gate}; a path to its {@code gate.json} names the same); default: the build's
     * latest gate. Read from the build, not the workspace: the step needs no node.
     */
    @DataBoundSetter
    public void setGate(String gate) {
        String folder = fixEmpty(gate);
        this.gate = folder == null ? null : folder.replaceFirst("/?gate\\.json$", "");
    }

    public String getRegistry() {
        return registry;
    }

    @DataBoundSetter
    public void setRegistry(String registry) {
        this.registry = fixEmpty(registry);
    }

    public String getSubmitter() {
        return submitter;
    }

    /** User ids and groups, comma-separated, who may answer; default: whoever may build the job. */
    @DataBoundSetter
    public void setSubmitter(String submitter) {
        this.submitter = fixEmpty(submitter);
    }

    public int getTimeoutMinutes() {
        return timeoutMinutes;
    }

    /** Minutes to wait for a decision before the step fails; 0 (default) waits for ever. */
    @DataBoundSetter
    public void setTimeoutMinutes(int timeoutMinutes) {
        if (timeoutMinutes < 0) {
            throw new IllegalArgumentException("timeoutMinutes must be 0 (no timeout) or more, not " + timeoutMinutes);
        }
        this.timeoutMinutes = timeoutMinutes;
    }

    @Override
    String resultName() {
        return Stage.APPROVE.result();
    }

    /** The model and the registry; a decision adds its own, see {@link #decisionArguments}. */
    @Override
    List<String> arguments() {
        return new Arguments("approve").option("model", model).option("registry", registry).toList();
    }

    /**
     * {@code mlops approve} for one answer on the prompt, by an approver with these groups.
     *
     * @param gateFile the gate's result, copied from the build to the agent
     */
    List<String> decisionArguments(ApprovalDecision decision, String reason, String user, List<String> groups, String gateFile) {
        List<String> arguments = new ArrayList<>(arguments());
        arguments.addAll(List.of("--gate", gateFile));
        arguments.addAll(new Arguments().option("decision", decision.word())
                .option("reason", reason == null || reason.isBlank() ? null : reason.trim()).option("user", user)
                .option("groups", groups.isEmpty() ? null : String.join(",", groups)).toList());
        return arguments;
    }

    /** A refused answer is not a failed test: it would mark the build unstable after a colleague approves. */
    @Override
    boolean publishesChecks() {
        return false;
    }

    @Override
    public StepExecution start(StepContext context) {
        return new ApproveModelExecution(context, this);
    }

    @Extension
    public static final class DescriptorImpl extends EngineStepDescriptor {
        public DescriptorImpl() {
            super(FUNCTION_NAME, "Wait for a person to approve a model (mlops)");
        }

        /** No node: the prompt reads the gate from the build, so the wait holds no executor (as {@code input}). */
        @Override
        public Set<? extends Class<?>> getRequiredContext() {
            return Set.of(Run.class, TaskListener.class, FlowNode.class);
        }
    }
}
