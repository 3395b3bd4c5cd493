package io.jenkins.plugins.mlops.registry;

import io.jenkins.plugins.mlops.contract.Check;
import io.jenkins.plugins.mlops.contract.Provenance;
import io.jenkins.plugins.mlops.contract.Stage;
import io.jenkins.plugins.mlops.contract.StepResult;
import io.jenkins.plugins.mlops.report.HtmlReport;
import io.jenkins.plugins.mlops.stage.StageExecutor;
import io.jenkins.plugins.mlops.stage.StageOutput;
import io.jenkins.plugins.mlops.stage.StageRunner;
import io.jenkins.plugins.mlops.report.HtmlTable;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The {@code register} step: a verified package becomes a new registry version, optionally aliased. */
public final class RegisterStep extends StageExecutor<RegisterSpec> {
    public static final String STEP = Stage.REGISTER.result();

    public RegisterStep() {
        super(Stage.REGISTER, RegisterSpec.class);
    }

    /** Registers; with {@code outDir} it also writes the registration's result and report there. */
    public static StepResult run(RegisterSpec spec, Path outDir) {
        return outDir == null ? new RegisterStep().execute(spec).result()
                : StageRunner.run(new RegisterStep(), spec, outDir);
    }

    @Override
    public StageOutput execute(RegisterSpec spec) {
        Registry registry = new Registry(spec.registry());
        ModelVersion version = registry.register(spec.model(), spec.name(), spec.user(),
                spec.parent() == null ? null : ModelRef.parse(spec.parent()));
        String alias = spec.alias();
        if (alias != null) {
            registry.promote(ModelRef.parse(version.ref()), alias, spec.user());
        }
        List<Check> checks = List.of(Check.passed("manifest", version.packageDigest(), "every SHA-256 matches",
                "All package files match their manifest digests."));
        String summary = "Registered " + version.ref() + (alias == null ? "" : " as '" + alias + "'") + " in "
                + registry.home() + ".";
        StepResult result = StepResult.fromChecks(STEP, summary, checks)
                .with("name", version.name())
                .with("version", version.version())
                .with("alias", alias)
                .with("registry", registry.home().toString())
                .with("modelVersion", version)
                .with(Provenance.SECTION, new Provenance(null, null, version.packageDigest()));
        return StageOutput.of(result, report(result, version));
    }

    static HtmlReport report(StepResult result, ModelVersion v) {
        HtmlReport report = HtmlReport.forResult("Model registration", result);
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("model", v.ref());
        facts.put("task", v.task());
        facts.put("registered at", v.registeredAt());
        facts.put("registered by", v.registeredBy());
        facts.put("parent", v.parent() == null ? "none recorded" : v.parent());
        facts.put("package digest (SHA-256 of manifest)", v.packageDigest());
        if (v.lineage() != null) {
            facts.put("training data", v.lineage().dataFile() + " (" + v.lineage().dataRows() + " rows)");
            facts.put("data SHA-256", v.lineage().dataSha256());
            facts.put("spec SHA-256", v.lineage().specSha256());
            facts.put("seed", v.lineage().seed());
            facts.put("code commit", v.lineage().codeCommit() == null ? "not set (GIT_COMMIT)" : v.lineage().codeCommit());
            facts.put("build", v.lineage().buildUrl() == null ? "not set (BUILD_URL)" : v.lineage().buildUrl());
            if (v.lineage().environment() != null) {
                facts.putAll(v.lineage().environment());
            }
        }
        report.section("Lineage").facts(facts);
        report.section("Metrics at training (hold-out)");
        HtmlTable table = new HtmlTable("Metric", "Value");
        if (v.metrics() != null) {
            v.metrics().forEach(table::row);
        }
        return report.table(table);
    }
}
