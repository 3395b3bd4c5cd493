package io.jenkins.plugins.mlops.steps

import org.jenkinsci.plugins.workflow.cps.CpsScript

/**
 * tuneModel as a Jenkinsfile calls it (see TuneModelVariable). With agents: N (N > 1), the trials
 * of one grid or random search run as N shards in parallel, each on an executor of its own agent
 * with the label (any agent without one; the placement picks distinct online agents); the spec and the data travel from this workspace by stash
 * (paths outside the workspace must exist on every agent), each shard's tune.json travels back,
 * and the tuneModel step merges them here into one ranked result and best spec, in out. Without
 * agents, the step runs as given.
 */
class TuneModelCall implements Serializable {
    private static final long serialVersionUID = 1L
    private final CpsScript script
    private final TuneModelVariable.Placement placement

    TuneModelCall(CpsScript script, TuneModelVariable.Placement placement) {
        this.script = script
        this.placement = placement
    }

    def call(Map args) {
        Map step = new LinkedHashMap(args)
        Object agents = step.remove('agents')
        Object label = step.remove('label')
        int count = agents == null ? 1 : Integer.parseInt(agents.toString().trim())
        if (count <= 1) {
            return script.steps.tuneModel(step)
        }
        if (!script.env.NODE_NAME) {
            script.error("tuneModel with agents: ${count} runs inside node { } (or a stage with an agent): the spec"
                    + " and data go to the agents from its workspace")
        }
        String out = step.out ?: 'mlops/tune'
        String key = 'mlops-tune-' + out.replaceAll('[^A-Za-z0-9]', '-')
        List<String> shipped = []
        for (Object file : [step.spec, step.data]) {
            if (file != null && !new File(file.toString()).isAbsolute()) {
                shipped.add(file.toString())
            }
        }
        if (!shipped.isEmpty()) {
            script.stash(name: key + '-inputs', includes: shipped.join(','))
        }
        List<String> where = placement.labels(label == null ? null : label.toString(), count)
        Map branches = [:]
        List<String> shards = []
        for (int i = 1; i <= count; i++) {
            int shard = i
            String shardOut = "${out}/shard-${shard}-of-${count}".toString()
            shards.add(shardOut)
            branches["tune shard ${shard}/${count}".toString()] = {
                script.node(where[shard - 1]) {
                    if (!shipped.isEmpty()) {
                        script.unstash(key + '-inputs')
                    }
                    script.steps.tuneModel(step + [shard: "${shard}/${count}".toString(), out: shardOut])
                    script.stash(name: "${key}-${shard}".toString(), includes: "${shardOut}/tune.json".toString())
                }
            }
        }
        script.parallel(branches)
        for (int i = 1; i <= count; i++) {
            script.unstash("${key}-${i}".toString())
        }
        return script.steps.tuneModel(step + [results: shards, out: out])
    }
}
