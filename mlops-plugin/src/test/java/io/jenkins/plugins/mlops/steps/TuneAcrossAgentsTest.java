package io.jenkins.plugins.mlops.steps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import groovy.lang.Closure;
import groovy.lang.GroovyClassLoader;
import io.jenkins.plugins.mlops.adapter.StepOutcome;
import io.jenkins.plugins.mlops.contract.Json;
import io.jenkins.plugins.mlops.testing.Fixtures;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.jenkinsci.plugins.workflow.cps.CpsScript;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Jenkinsfile's {@code tuneModel(agents: 2, …)}: the plugin's Groovy fan-out run against a script
 * whose {@code node} gives each branch its own workspace (an agent), whose {@code stash}/{@code unstash}
 * copy files between workspaces as Jenkins does, and whose {@code tuneModel} step runs the real engine
 * with the step's arguments.
 */
class TuneAcrossAgentsTest {
    @TempDir
    Path tmp;

    @Test
    void twoAgentsEachRunAShardAndTheMergeRanksAllTwelveTrials() throws Exception {
        Agents script = new Agents(tmp);
        Files.copy(Fixtures.spec("wine-tune.yaml"), script.workspace.resolve("spec.yaml"));
        Files.copy(Fixtures.dataset("wine.csv"), script.workspace.resolve("wine.csv"));
        Object result = call(script, Map.of("spec", "spec.yaml", "data", "wine.csv", "agents", "2", "label", "linux",
                "parallelism", "1"));
        assertThat(script.nodes).as("one agent per shard, from the placement").containsExactly("linux-agent-1",
                "linux-agent-2");
        assertThat(script.steps.runs).hasSize(3);
        // each shard ran in its agent's workspace, on the shipped spec and data, and published no checks
        for (int shard = 1; shard <= 2; shard++) {
            TuneModelStep step = script.steps.runs.get(shard - 1);
            assertThat(step.getShard()).isEqualTo(shard + "/2");
            assertThat(step.publishesChecks()).isFalse();
            Path agent = script.steps.workspaces.get(shard - 1);
            assertThat(agent).isNotEqualTo(script.workspace);
            assertThat(agent.resolve("wine.csv")).hasSameBinaryContentAs(Fixtures.dataset("wine.csv"));
            assertThat(agent.resolve("mlops/tune/shard-" + shard + "-of-2/tune.json")).isRegularFile();
        }
        // the merge, back here: every trial of both shards, ranked, and the best spec
        TuneModelStep merge = script.steps.runs.get(2);
        assertThat(merge.getResults()).containsExactly("mlops/tune/shard-1-of-2", "mlops/tune/shard-2-of-2");
        assertThat(merge.publishesChecks()).isTrue();
        assertThat(script.steps.workspaces.get(2)).isEqualTo(script.workspace);
        int trials = 0;
        for (int shard = 1; shard <= 2; shard++) {
            trials += Json.readTree(script.steps.workspaces.get(shard - 1)
                    .resolve("mlops/tune/shard-" + shard + "-of-2/tune.json")).path("trials").size();
        }
        assertThat(trials).isEqualTo(12);
        assertThat(Json.readTree(script.workspace.resolve("mlops/tune/tune.json")).path("trials").size()).isEqualTo(12);
        assertThat(script.workspace.resolve("mlops/tune/best-spec.yaml")).content().doesNotContain("tune:");
        assertThat(((StepOutcome) result).getStatus()).isEqualTo("PASSED");
    }

    @Test
    void withoutAgentsTheStepRunsAsGiven() throws Exception {
        Agents script = new Agents(tmp);
        call(script, Map.of("spec", Fixtures.spec("wine-tune.yaml").toString(), "data",
                Fixtures.dataset("wine.csv").toString(), "shard", "1/6"));
        assertThat(script.nodes).isEmpty();
        assertThat(script.steps.runs).singleElement().satisfies(s -> assertThat(s.getShard()).isEqualTo("1/6"));
    }

    @Test
    void fanningOutNeedsAWorkspaceToShipFrom() throws Exception {
        Agents script = new Agents(tmp);
        script.env.remove("NODE_NAME");
        assertThatThrownBy(() -> call(script, Map.of("spec", "spec.yaml", "data", "wine.csv", "agents", "3")))
                .hasMessageContaining("tuneModel with agents: 3 runs inside node { }");
    }

    @Test
    void theStepItselfRefusesAgentsSoAFanOutIsNeverSilentlyOneAgent() {
        TuneModelStep step = new TuneModelStep("spec.yaml", "wine.csv");
        step.setAgents("2");
        assertThatThrownBy(step::arguments).hasMessageContaining("fans out from a Jenkinsfile's tuneModel call");
    }

    @Test
    void pipelineMayLoadTheFanOutAndNoOtherGroovyFile() {
        TuneModelVariable.CallSource allowed = new TuneModelVariable.CallSource();
        assertThat(allowed.isAllowed(TuneModelVariable.class.getResource("TuneModelCall.groovy").toString())).isTrue();
        assertThat(allowed.isAllowed("jar:file:/x/other.jar!/io/jenkins/plugins/mlops/steps/Other.groovy")).isFalse();
    }

    private static Object call(Agents script, Map<String, Object> args) throws Exception {
        try (GroovyClassLoader loader = new GroovyClassLoader(TuneAcrossAgentsTest.class.getClassLoader());
             InputStream source = TuneModelVariable.class.getResourceAsStream("TuneModelCall.groovy")) {
            Class<?> type = loader.parseClass(new String(source.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8),
                    "TuneModelCall.groovy");
            assertThat(type.getName()).isEqualTo(TuneModelVariable.CALL_CLASS);
            TuneModelVariable.Placement placement = (label, shards) -> {
                List<String> labels = new ArrayList<>();
                for (int shard = 1; shard <= shards; shard++) {
                    labels.add(label + "-agent-" + shard);
                }
                return labels;
            };
            Object call = type.getConstructor(CpsScript.class, TuneModelVariable.Placement.class)
                    .newInstance(script, placement);
            return type.getMethod("call", Map.class).invoke(call, new HashMap<>(args));
        } catch (java.lang.reflect.InvocationTargetException e) {
            throw (Exception) e.getCause();
        }
    }

    /** Pipeline's steps as the fan-out uses them, over folders standing for the agents' workspaces. */
    public static final class Agents extends CpsScript {
        final Path root;
        Path workspace;
        final Map<String, String> env = new HashMap<>(Map.of("NODE_NAME", "linux-agent"));
        final List<String> nodes = new ArrayList<>();
        final Steps steps = new Steps(this);
        private final Map<String, Path> stashes = new HashMap<>();

        Agents(Path root) throws IOException {
            this.root = root;
            this.workspace = Files.createDirectories(root.resolve("caller"));
        }

        public Map<String, String> getEnv() {
            return env;
        }

        public Steps getSteps() {
            return steps;
        }

        public Object node(String label, Closure<?> body) throws IOException {
            nodes.add(label);
            Path caller = workspace;
            workspace = Files.createDirectories(root.resolve("agent-" + nodes.size()));
            try {
                return body.call();
            } finally {
                workspace = caller;
            }
        }

        /** Branches one after another: the fan-out's logic, not the timing, is under test. */
        public void parallel(Map<String, Closure<?>> branches) {
            branches.values().forEach(Closure::call);
        }

        public void stash(Map<String, String> args) throws IOException {
            Path saved = Files.createDirectories(root.resolve("stash-" + args.get("name")));
            for (String include : args.get("includes").split(",")) {
                Path target = saved.resolve(include);
                Files.createDirectories(target.getParent());
                Files.copy(workspace.resolve(include), target);
            }
            stashes.put(args.get("name"), saved);
        }

        public void unstash(String name) throws IOException {
            Path saved = stashes.get(name);
            assertThat(saved).as("stash " + name).isNotNull();
            try (Stream<Path> files = Files.walk(saved)) {
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    Path target = workspace.resolve(saved.relativize(file).toString());
                    Files.createDirectories(target.getParent());
                    Files.copy(file, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }

        public void error(String message) {
            throw new IllegalStateException(message);
        }
    }

    /** The {@code tuneModel} step: built from the map as Pipeline binds it, run by the real engine. */
    public static final class Steps {
        private final Agents script;
        final List<TuneModelStep> runs = new ArrayList<>();
        final List<Path> workspaces = new ArrayList<>();

        Steps(Agents script) {
            this.script = script;
        }

        @SuppressWarnings("unchecked")
        public Object tuneModel(Map<String, Object> args) {
            TuneModelStep step = new TuneModelStep((String) args.get("spec"), (String) args.get("data"));
            step.setParallelism((String) args.get("parallelism"));
            step.setShard((String) args.get("shard"));
            step.setResults((List<String>) args.get("results"));
            step.setOut((String) args.get("out"));
            runs.add(step);
            workspaces.add(script.workspace);
            // Jenkins runs the engine in the workspace: relative paths are the workspace's
            List<String> arguments = new ArrayList<>();
            for (String a : step.arguments()) {
                arguments.add(!a.startsWith("-") && Files.exists(script.workspace.resolve(a))
                        ? script.workspace.resolve(a).toString() : a);
            }
            StepOutcome outcome = EngineRuns.run(script.workspace, step, arguments);
            if (!outcome.getStatus().equals("PASSED")) {
                throw new UncheckedIOException(new IOException(outcome.getSummary()));
            }
            return outcome;
        }
    }
}
