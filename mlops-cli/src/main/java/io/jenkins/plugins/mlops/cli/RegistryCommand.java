package io.jenkins.plugins.mlops.cli;

import io.jenkins.plugins.mlops.contract.Json;
import io.jenkins.plugins.mlops.contract.StepResult;
import io.jenkins.plugins.mlops.governance.CardSpec;
import io.jenkins.plugins.mlops.governance.CardStep;
import io.jenkins.plugins.mlops.model.Lineage;
import io.jenkins.plugins.mlops.registry.ModelRef;
import io.jenkins.plugins.mlops.registry.ModelVersion;
import io.jenkins.plugins.mlops.registry.PromoteSpec;
import io.jenkins.plugins.mlops.registry.RegisterSpec;
import io.jenkins.plugins.mlops.registry.RegisterStep;
import io.jenkins.plugins.mlops.registry.Registry;
import io.jenkins.plugins.mlops.registry.VersionDiff;
import io.jenkins.plugins.mlops.stage.StageRunner;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "registry", mixinStandardHelpOptions = true,
        description = "The embedded model registry in $MLOPS_HOME (default: .mlops/ in the working directory).",
        subcommands = {RegistryCommand.Register.class, RegistryCommand.ListVersions.class, RegistryCommand.Show.class,
            RegistryCommand.Promote.class, RegistryCommand.Rollback.class, RegistryCommand.Diff.class,
            RegistryCommand.Card.class})
final class RegistryCommand extends CommandGroup {
    static Registry registry(Path home) {
        return home != null ? new Registry(home) : Registry.fromEnvironment();
    }

    abstract static class RegistryOption {
        @Mixin
        RegistryLocation location;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        PrintWriter out() {
            return spec.commandLine().getOut();
        }
    }

    @Command(name = "register", mixinStandardHelpOptions = true, description = "Register a model package as a new version.")
    static final class Register extends RegistryOption implements Callable<Integer> {
        @Option(names = "--model", required = true, paramLabel = "DIR", description = "Model package folder.")
        Path model;

        @Option(names = "--name", required = true, paramLabel = "NAME", description = "Registered model name.")
        String name;

        @Option(names = "--alias", paramLabel = "ALIAS", description = "Also point this alias (e.g. staging) at it.")
        String alias;

        @Option(names = "--out", paramLabel = "DIR", description = "Also write register.json/.html here.")
        Path outDir;

        @Option(names = "--parent", paramLabel = "REF", description = "The version this one derives from or replaces,"
                + " recorded in its lineage (e.g. churn@production).")
        String parent;

        RegisterSpec spec() {
            return new RegisterSpec(location.home(), model, name, Lineage.user(), alias, parent);
        }

        @Override
        public Integer call() {
            StepResult result = RegisterStep.run(spec(), outDir);
            if (outDir != null) {
                // the card beside the registration's report: what an approver opens before deciding
                StageRunner.run(new CardSpec(location.home(), name + "@" + result.getSections().get("version"), null),
                        outDir);
            }
            out().println(result.getSummary());
            return result.getStatus().exitCode();
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "One line per version (or per model).")
    static final class ListVersions extends RegistryOption implements Callable<Integer> {
        @Option(names = "--name", paramLabel = "NAME", description = "Model name; without it, list the models.")
        String name;

        @Override
        public Integer call() {
            Registry registry = location.registry();
            if (name == null) {
                registry.models().forEach(out()::println);
                return 0;
            }
            Map<String, List<Integer>> aliases = registry.aliases(ModelRef.checkName(name));
            for (ModelVersion v : registry.versions(name)) {
                String tags = aliases.entrySet().stream()
                        .filter(e -> !e.getValue().isEmpty() && e.getValue().get(e.getValue().size() - 1) == v.version())
                        .map(Map.Entry::getKey).collect(Collectors.joining(","));
                out().printf("%s\t%s\t%s\t%s\t%s%n", v.ref(), v.registeredAt(), v.metrics(),
                        v.packageDigest().substring(0, 12), tags);
            }
            return 0;
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = "A version's record as JSON.")
    static final class Show extends RegistryOption implements Callable<Integer> {
        @Parameters(paramLabel = "REF", description = "NAME, NAME@VERSION or NAME@ALIAS.")
        String ref;

        @Override
        public Integer call() throws Exception {
            out().println(Json.JSON.writeValueAsString(location.registry().resolve(ModelRef.parse(ref))));
            return 0;
        }
    }

    @Command(name = "promote", mixinStandardHelpOptions = true,
            description = "Point an alias at a version, recorded in the audit log.")
    static final class Promote extends RegistryOption implements Callable<Integer> {
        @Parameters(paramLabel = "REF", description = "NAME@VERSION (or any reference).")
        String ref;

        @Option(names = "--alias", required = true, paramLabel = "ALIAS", description = "e.g. staging, production.")
        String alias;

        @Option(names = "--out", paramLabel = "DIR", description = "Also write promote.json/.html here.")
        Path outDir;

        PromoteSpec spec() {
            return new PromoteSpec(location.home(), ref, alias, Lineage.user());
        }

        @Override
        public Integer call() {
            StepResult result = StageRunner.run(spec(), outDir);
            out().println(alias + " -> " + result.getSections().get("name") + "@" + result.getSections().get("version"));
            return result.getStatus().exitCode();
        }
    }

    @Command(name = "card", mixinStandardHelpOptions = true,
            description = "Write the model card of a version (model-card.json and .html) from registry facts, the"
                    + " spec's card: section and the audit log; each human field the spec leaves unstated is a"
                    + " warning.")
    static final class Card extends RegistryOption implements Callable<Integer> {
        @Parameters(paramLabel = "REF", description = "NAME@VERSION or NAME@ALIAS.")
        String ref;

        @Option(names = "--out", paramLabel = "DIR", defaultValue = "mlops-out", description = "Output folder.")
        Path outDir;

        @Option(names = "--test", paramLabel = "FILE", description = "The test step's test.json for this version:"
                + " adds its metrics, slices and permutation importance.")
        Path test;

        CardSpec spec() {
            return new CardSpec(location.home(), ref, test);
        }

        @Override
        public Integer call() {
            StepResult result = StageRunner.run(spec(), outDir);
            out().println(result.getSummary());
            out().println("model card: " + outDir.resolve(CardStep.STEP + ".html"));
            return result.getStatus().exitCode();
        }
    }

    @Command(name = "rollback", mixinStandardHelpOptions = true,
            description = "Point an alias back to the version it pointed to before.")
    static final class Rollback extends RegistryOption implements Callable<Integer> {
        @Parameters(paramLabel = "NAME", description = "Model name.")
        String name;

        @Option(names = "--alias", required = true, paramLabel = "ALIAS", description = "e.g. production.")
        String alias;

        @Override
        public Integer call() {
            ModelVersion v = location.registry().rollback(ModelRef.checkName(name), alias, Lineage.user());
            out().println(alias + " -> " + v.ref() + " (rolled back)");
            return 0;
        }
    }

    @Command(name = "diff", mixinStandardHelpOptions = true,
            description = "What differs between two versions: metrics, training data and spec digests, seed, code.")
    static final class Diff extends RegistryOption implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "REF_A")
        String a;

        @Parameters(index = "1", paramLabel = "REF_B")
        String b;

        @Override
        public Integer call() {
            Registry registry = location.registry();
            ModelVersion va = registry.resolve(ModelRef.parse(a));
            ModelVersion vb = registry.resolve(ModelRef.parse(b));
            out().printf("%-24s %-40s %-40s%n", "", va.ref(), vb.ref());
            for (VersionDiff.Row row : VersionDiff.of(va, vb)) {
                out().printf("%-24s %-40s %-40s%s%n", row.what(), row.a(), row.b(), row.note().isEmpty() ? ""
                        : "  " + row.note());
            }
            return 0;
        }
    }
}
