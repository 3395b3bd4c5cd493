package io.jenkins.plugins.mlops.registry;

import io.jenkins.plugins.mlops.audit.AuditLog;
import io.jenkins.plugins.mlops.contract.Check;
import io.jenkins.plugins.mlops.contract.Provenance;
import io.jenkins.plugins.mlops.contract.Stage;
import io.jenkins.plugins.mlops.contract.StepResult;
import io.jenkins.plugins.mlops.report.HtmlReport;
import io.jenkins.plugins.mlops.report.HtmlTable;
import io.jenkins.plugins.mlops.stage.StageExecutor;
import io.jenkins.plugins.mlops.stage.StageOutput;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code promote} stage: an alias moves to a version, recorded in the audit log (who, when,
 * the package digest). The report compares the new target with the one the alias left, so that
 * the build page says what changed for everyone who uses the alias.
 */
public final class PromoteStep extends StageExecutor<PromoteSpec> {
    public static final String STEP = Stage.PROMOTE.result();

    public PromoteStep() {
        super(Stage.PROMOTE, PromoteSpec.class);
    }

    @Override
    public StageOutput execute(PromoteSpec spec) {
        Registry registry = new Registry(spec.registry());
        ModelRef ref = ModelRef.parse(spec.version());
        Registry.Promotion promotion = registry.move(ref, spec.alias(), spec.user());
        ModelVersion now = promotion.version();
        ModelVersion before = promotion.previous() == null ? null
                : registry.resolve(new ModelRef(ref.name(), String.valueOf(promotion.previous())));
        AuditLog.Entry entry = promotion.entry();
        String moved = before == null ? "new alias" : before.version() == now.version() ? "already there"
                : "from " + before.ref();
        String summary = spec.alias() + " -> " + now.ref() + " (" + moved + "), recorded as audit entry " + entry.seq()
                + " by " + spec.user() + ".";
        Check recorded = Check.passed("audit-entry", entry.seq(), "the move is in the audit log",
                "Audit entry " + entry.seq() + ": " + entry.actor() + " " + entry.action() + " " + entry.subject() + ".");
        StepResult result = StepResult.fromChecks(STEP, summary, List.of(recorded))
                .with("name", now.name())
                .with("alias", spec.alias())
                .with("version", now.version())
                .with("previous", before == null ? null : before.version())
                .with("auditEntry", entry.seq())
                .with(Provenance.SECTION, new Provenance(null, null, now.packageDigest()));
        HtmlReport report = HtmlReport.forResult("Promotion: " + spec.alias() + " -> " + now.ref(), result);
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("alias", spec.alias());
        facts.put("now", now.ref() + " (registered " + now.registeredAt() + " by " + now.registeredBy() + ")");
        facts.put("before", before == null ? "none: the alias is new" : before.ref());
        facts.put("by", spec.user());
        facts.put("audit entry", entry.seq() + " at " + entry.time());
        facts.put("package digest", now.packageDigest());
        report.section("The move").facts(facts);
        if (before != null && before.version() != now.version()) {
            HtmlTable table = new HtmlTable("", before.ref() + " (before)", now.ref() + " (now)", "");
            VersionDiff.of(before, now).forEach(r -> table.row(r.what(), r.a(), r.b(), r.note()));
            report.section("What changes for users of '" + spec.alias() + "'").table(table);
        }
        return StageOutput.of(result, report);
    }
}
