package io.jenkins.plugins.mlops.steps;

import hudson.EnvVars;
import hudson.FilePath;
import hudson.Launcher;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.mlops.adapter.FailOn;
import java.io.IOException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jenkinsci.plugins.workflow.graph.FlowNode;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepDescriptor;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * What every engine step shares: where its reports go, what a failed check does to the build, and
 * how it runs (a forked engine JVM on the agent that survives a controller restart, see {@link
 * EngineStepExecution}). A subclass maps
 * its own parameters to the engine's command line and nothing else.
 */
public abstract class EngineStep extends Step implements Serializable {
    private static final long serialVersionUID = 1L;

    private String out;
    private String failOn;
    private String maxHeap;

    /** The engine step's name, which names its result: {@code <name>.json} (the engine's {@code STEP} constant). */
    abstract String resultName();

    /** The engine's command and arguments, without {@code --out}, e.g. {@code validate --data x.csv}. */
    abstract List<String> arguments();

    /** The arguments for a run of this build: by default the same for every build. */
    List<String> arguments(Run<?, ?> run) {
        return arguments();
    }

    /** Whether the step's checks go to Jenkins' test results (JUnit): they do, but for a person's decision. */
    boolean publishesChecks() {
        return true;
    }

    /**
     * Keeps, in the build's copy of the reports, what a later step needs from the workspace (the
     * gate keeps the results it judged, for the approval); by default nothing.
     *
     * @param outDir the step's output folder in the workspace
     * @param reports the build's folder of this step's reports
     */
    void keepEvidence(FilePath workspace, FilePath outDir, FilePath reports) throws IOException, InterruptedException {
    }

    /**
     * The registry folder the step names itself ({@code registry:}), which wins over {@code MLOPS_HOME}
     * and the global configuration; {@code null} when it names none or takes no registry.
     */
    String registryOption() {
        return null;
    }

    /** Whether the engine needs the model server's admin token (from the global configuration's credentials). */
    boolean usesAdminToken() {
        return false;
    }

    /** The model server the step names itself ({@code server:}); {@code null}: the global configuration's. */
    String serverOption() {
        return null;
    }

    /** The step's own admin-token credential ({@code credentialsId:}), for a server other than the configured one. */
    String adminTokenCredentialsId() {
        return null;
    }

    public String getOut() {
        return out == null || out.isBlank() ? "mlops/" + resultName() : out;
    }

    /** Workspace-relative folder for the step's JSON, HTML report and JUnit XML (default {@code mlops/<step>}). */
    @DataBoundSetter
    public void setOut(String out) {
        this.out = fixEmpty(out);
    }

    public String getFailOn() {
        return failOn;
    }

    /**
     * What a failed check does: {@code FAILURE} fails the step, so later stages do not run;
     * {@code UNSTABLE} marks the stage and the build unstable and goes on; {@code NONE} only returns
     * the status. Default: the global configuration's, else {@code FAILURE}.
     */
    @DataBoundSetter
    public void setFailOn(String failOn) {
        this.failOn = failOn == null || failOn.isBlank() ? null : FailOn.parse(failOn).name();
    }

    public String getMaxHeap() {
        return maxHeap;
    }

    /** The engine JVM's maximum heap, e.g. {@code 2g}; default: the JVM's own. */
    @DataBoundSetter
    public void setMaxHeap(String maxHeap) {
        this.maxHeap = fixEmpty(maxHeap);
    }

    /**
     * An empty form field is an unset parameter: the Snippet Generator then writes nothing for it,
     * and the engine's (or the global) default applies.
     */
    static String fixEmpty(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    /**
     * A list parameter's paths: an entry with several lines (the Snippet Generator's text area, one
     * per line) is several entries, as no path has a line break. A plain ArrayList: the step is kept
     * in the build's program state, which must serialise it.
     */
    static ArrayList<String> lines(List<String> entries) {
        ArrayList<String> paths = new ArrayList<>();
        if (entries != null) {
            for (String entry : entries) {
                entry.lines().map(String::trim).filter(line -> !line.isEmpty()).forEach(paths::add);
            }
        }
        return paths;
    }

    @Override
    public StepExecution start(StepContext context) throws Exception {
        return new EngineStepExecution(context, this);
    }

    /**
     * What every engine step's descriptor says: its function name and display name, and the
     * context it needs (the agent's workspace and a launcher there). Each step nests its own
     * subclass, from which Jenkins infers the step class.
     */
    public abstract static class EngineStepDescriptor extends StepDescriptor {
        private final String functionName;
        private final String displayName;

        protected EngineStepDescriptor(String functionName, String displayName) {
            this.functionName = functionName;
            this.displayName = displayName;
        }

        @Override
        public String getFunctionName() {
            return functionName;
        }

        @Override
        public String getDisplayName() {
            return displayName;
        }

        @Override
        public Set<? extends Class<?>> getRequiredContext() {
            return Set.of(Run.class, FilePath.class, Launcher.class, TaskListener.class, EnvVars.class, FlowNode.class);
        }
    }
}
