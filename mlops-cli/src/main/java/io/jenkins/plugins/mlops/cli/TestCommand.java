package io.jenkins.plugins.mlops.cli;

import io.jenkins.plugins.mlops.evaluation.TestSpec;
import io.jenkins.plugins.mlops.registry.PackageSource;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "test", mixinStandardHelpOptions = true,
        description = "Score labelled rows with a model package and hold its metrics to thresholds."
                + " Exit 1 when a threshold is missed.")
final class TestCommand extends StepCommand {
    @Option(names = "--model", required = true, paramLabel = "DIR", description = "Model package folder.")
    Path model;

    @Option(names = "--data", required = true, paramLabel = "FILE", description = "Labelled test rows (CSV).")
    Path data;

    @Option(names = "--suite", paramLabel = "FILE",
            description = "The test suite (YAML, plugin-docs/test-suite.md). Default: accuracy >= 0.8 and macroF1 >= 0.7"
                    + " (classification), r2 >= 0.3 (regression), sanity checks and permutation importance.")
    Path suite;

    @Option(names = "--baseline", paramLabel = "DIR|REF",
            description = "The model in production, a package folder or zip or a registered NAME@VERSION|@ALIAS (e.g."
                    + " churn@production): the suite's 'baseline' and 'slices' compare with it.")
    String baseline;

    @Mixin
    RegistryLocation location;

    @Override
    TestSpec spec() {
        return new TestSpec(model, data, suite, baseline == null ? null : PackageSource.of(baseline, location.home()));
    }
}
