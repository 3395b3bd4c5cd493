package io.jenkins.plugins.mlops.steps;

import hudson.EnvVars;
import hudson.FilePath;
import hudson.Launcher;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.mlops.adapter.FailOn;
import java.io.Serializable;
import java.util.List;
import java.util.Set;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepDescriptor;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * What every engine step shares: where its reports go, what a failed check does to the build, and
 * how it runs (a forked engine JVM on the agent, see {@link EngineStepExecution}). A subclass maps
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

    /** Whether the engine needs the model server's admin token (from the global configuration's credentials). */
    boolean usesAdminToken() {
        return false;
    }

    public String getOut() {
        return out == null || out.isBlank() ? "mlops/" + resultName() : out;
    }

    /** Workspace-relative folder for the step's JSON, HTML report and JUnit XML (default {@code mlops/<step>}). */
    @DataBoundSetter
    public void setOut(String out) {
        this.out = out;
    }

    public String getFailOn() {
        return failOn;
    }

    /**
     * {@code FAILURE} or {@code UNSTABLE}: what the build becomes when a check fails; default: the
     * global configuration's, else {@code FAILURE}.
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
        this.maxHeap = maxHeap;
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
            return Set.of(Run.class, FilePath.class, Launcher.class, TaskListener.class, EnvVars.class);
        }
    }
}
