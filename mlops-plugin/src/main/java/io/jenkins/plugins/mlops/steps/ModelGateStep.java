package io.jenkins.plugins.mlops.steps;

import hudson.Extension;
import hudson.FilePath;
import hudson.model.Run;
import io.jenkins.plugins.mlops.adapter.ApprovalEvidence;
import io.jenkins.plugins.mlops.adapter.Arguments;
import io.jenkins.plugins.mlops.contract.Stage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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

    /** The folder, under the gate's reports in the build, that keeps the results it judged (for the approval). */
    static final String EVIDENCE_FOLDER = "evidence";

    /**
     * @param results result folders or files; an entry with several lines (the Snippet Generator's
     *     text area, one per line) is several entries, as no path has a line break
     */
    @DataBoundConstructor
    public ModelGateStep(List<String> results) {
        this.results = lines(results);
    }

    public List<String> getResults() {
        return results;
    }

    public String getPolicy() {
        return policy;
    }

    @DataBoundSetter
    public void setPolicy(String policy) {
        this.policy = fixEmpty(policy);
    }

    public String getStage() {
        return stage;
    }

    @DataBoundSetter
    public void setStage(String stage) {
        this.stage = fixEmpty(stage);
    }

    public String getModel() {
        return model;
    }

    @DataBoundSetter
    public void setModel(String model) {
        this.model = fixEmpty(model);
    }

    @Override
    String registryOption() {
        return registry;
    }

    public String getRegistry() {
        return registry;
    }

    @DataBoundSetter
    public void setRegistry(String registry) {
        this.registry = fixEmpty(registry);
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
        return Stage.GATE.result();
    }

    @Override
    List<String> arguments() {
        return new Arguments("gate").options("results", results).option("policy", policy).option("stage", stage)
                .option("model", model).option("registry", registry).flag("require-approval", requireApproval)
                .toList();
    }

    /**
     * Adds who started the build ("Started by user ..."), for the four-eyes rule: that person may
     * not approve the model. Builds started by SCM or a timer have no such user.
     */
    @Override
    List<String> arguments(Run<?, ?> run) {
        List<String> arguments = new ArrayList<>(arguments());
        String startedBy = EngineRun.startedBy(run);
        if (startedBy != null) {
            arguments.add("--started-by");
            arguments.add(startedBy);
        }
        return arguments;
    }

    /**
     * Keeps the results the gate judged beside its own in the build, so that {@code approveModel}
     * shows them without a node, even after the workspace has changed.
     */
    @Override
    void keepEvidence(FilePath workspace, FilePath outDir, FilePath reports) throws IOException, InterruptedException {
        FilePath gate = outDir.child(Stage.GATE.result() + ".json");
        if (!gate.exists()) {
            return;
        }
        FilePath kept = reports.child(EVIDENCE_FOLDER);
        kept.mkdirs();
        for (Map.Entry<String, String> judged : ApprovalEvidence.judgedFiles(gate.readToString()).entrySet()) {
            FilePath file = workspace.child(judged.getValue());
            if (file.exists()) {
                file.copyTo(kept.child(judged.getKey() + ".json"));
            }
        }
    }

    @Extension
    public static final class DescriptorImpl extends EngineStepDescriptor {
        public DescriptorImpl() {
            super(FUNCTION_NAME, "Decide whether a model may go on (mlops)");
        }
    }
}
