package io.jenkins.plugins.mlops.steps;

import hudson.Extension;
import hudson.model.Computer;
import hudson.model.Label;
import hudson.model.Node;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import jenkins.model.Jenkins;
import org.jenkinsci.plugins.workflow.cps.CpsScript;
import org.jenkinsci.plugins.workflow.cps.GlobalVariable;
import org.jenkinsci.plugins.workflow.cps.GroovySourceFileAllowlist;

/**
 * {@code tuneModel} as a Jenkinsfile calls it: Pipeline looks up a global variable before a step of
 * the same name, so this one decides. With {@code agents: N} it spreads the search over N agents
 * ({@code parallel} of {@code node} blocks, each running the {@code tuneModel} step with a shard) and
 * merges the shards here; otherwise it runs the step as given. The fan-out is Groovy
 * ({@code TuneModelCall.groovy} beside this class), because only Pipeline script can allocate
 * executors on other agents and wait for them without holding a thread.
 */
@Extension
public class TuneModelVariable extends GlobalVariable {
    static final String CALL_CLASS = "io.jenkins.plugins.mlops.steps.TuneModelCall";

    @Override
    public String getName() {
        return TuneModelStep.FUNCTION_NAME;
    }

    @Override
    public Object getValue(CpsScript script) throws Exception {
        // loaded through the script's class loader: compiled as Pipeline (CPS) code, trusted as plugin code
        return script.getClass().getClassLoader().loadClass(CALL_CLASS)
                .getConstructor(CpsScript.class, Placement.class).newInstance(script, new OnlineAgents());
    }

    /** Where the shards run: one label expression per shard, for its {@code node} block. */
    public interface Placement extends Serializable {
        List<String> labels(String label, int shards);
    }

    /**
     * Distinct agents, so that the shards do not queue on the executors of one: the online agents
     * the label matches that have executors, the most idle first (ties by name); when there are
     * fewer agents than shards, the rest go to the label and Jenkins picks.
     */
    static final class OnlineAgents implements Placement {
        private static final long serialVersionUID = 1L;

        @Override
        public List<String> labels(String label, int shards) {
            Jenkins jenkins = Jenkins.get();
            Label matching = label == null ? null : jenkins.getLabel(label);
            Collection<Node> nodes = matching == null ? jenkins.getNodes() : matching.getNodes();
            List<Node> online = new ArrayList<>();
            for (Node node : nodes) {
                Computer computer = node.toComputer();
                if (node.getNumExecutors() > 0 && computer != null && computer.isOnline()) {
                    online.add(node);
                }
            }
            online.sort(Comparator.comparingInt((Node n) -> -n.toComputer().countIdle()).thenComparing(Node::getNodeName));
            List<String> labels = new ArrayList<>();
            for (int shard = 0; shard < shards; shard++) {
                labels.add(shard < online.size() ? online.get(shard).getNodeName() : label);
            }
            return labels;
        }
    }

    /** Pipeline loads only the plugin Groovy files that a plugin allows: this one. */
    @Extension
    public static final class CallSource extends GroovySourceFileAllowlist {
        static final String FILE = "/" + CALL_CLASS.replace('.', '/') + ".groovy";

        @Override
        public boolean isAllowed(String groovyResourceUrl) {
            return groovyResourceUrl.endsWith(FILE);
        }
    }
}
