package io.jenkins.plugins.mlops.steps;

import hudson.Extension;
import io.jenkins.plugins.mlops.adapter.Arguments;
import io.jenkins.plugins.mlops.adapter.EngineFailure;
import io.jenkins.plugins.mlops.contract.Stage;
import java.util.List;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * {@code tuneModel}: {@code mlops tune} as a Pipeline step: the whole search, or one shard of it, on
 * this agent; or, with {@code results}, the merge of shards ({@code mlops tune select}). A
 * Jenkinsfile's {@code tuneModel(agents: N, …)} reaches {@link TuneModelVariable} first, which runs
 * this step once per agent with a shard and once more to merge.
 */
public class TuneModelStep extends EngineStep {
    private static final long serialVersionUID = 1L;
    /** The name a Jenkinsfile calls the step by. */
    static final String FUNCTION_NAME = "tuneModel";

    private final String spec;
    private final String data;
    private String parallelism;
    private String shard;
    private String agents;
    private String label;
    private List<String> results;

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

    public String getAgents() {
        return agents;
    }

    /** Spread the trials over this many agents (grid and random searches); the Jenkinsfile's call fans out. */
    @DataBoundSetter
    public void setAgents(String agents) {
        this.agents = fixEmpty(agents);
    }

    public String getLabel() {
        return label;
    }

    /** The agents' label, with {@code agents}; default: any agent. */
    @DataBoundSetter
    public void setLabel(String label) {
        this.label = fixEmpty(label);
    }

    public List<String> getResults() {
        return results;
    }

    /**
     * Shards' {@code tune.json} files or folders to merge and rank, instead of running trials; an
     * entry with several lines (the Snippet Generator's text area) is one path per line.
     */
    @DataBoundSetter
    public void setResults(List<String> results) {
        List<String> paths = lines(results);
        this.results = paths.isEmpty() ? null : paths;
    }

    @Override
    String resultName() {
        return Stage.TUNE.result();
    }

    /** A shard's trials are counted once, in the merged result's tests and check. */
    @Override
    boolean publishesChecks() {
        return shard == null;
    }

    @Override
    List<String> arguments() {
        if (agents != null && !agents.equals("1")) {
            throw new EngineFailure("tuneModel: agents: " + agents + " fans out from a Jenkinsfile's tuneModel call;"
                    + " steps.tuneModel runs on this agent only (give it a shard instead)");
        }
        if (results != null) {
            return new Arguments("tune", "select").options("results", results).toList();
        }
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
