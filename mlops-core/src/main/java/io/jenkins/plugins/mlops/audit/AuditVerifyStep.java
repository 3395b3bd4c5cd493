package io.jenkins.plugins.mlops.audit;

import io.jenkins.plugins.mlops.contract.Check;
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
 * The {@code audit} stage: the audit log's hash chain recomputed from its bytes. It fails naming the
 * first entry that was changed, removed or reordered; the report lists the latest entries of an intact log.
 */
public final class AuditVerifyStep extends StageExecutor<AuditSpec> {
    public static final String STEP = Stage.AUDIT.result();
    /** Entries the report shows, newest first. */
    static final int LATEST = 25;

    public AuditVerifyStep() {
        super(Stage.AUDIT, AuditSpec.class);
    }

    @Override
    public StageOutput execute(AuditSpec spec) {
        AuditLog log = new AuditLog(spec.registry());
        AuditLog.Verification v = log.verify();
        String summary = v.ok() ? log.file() + ": OK, " + v.reason()
                : log.file() + ":" + v.badLine() + ": TAMPERED: " + v.reason() + " (the " + v.entries()
                + " entries before it are intact)";
        Check chain = Check.of("hash-chain", v.ok(), v.entries(), "every entry chains to the one before it",
                v.ok() ? "The chain of " + v.entries() + " entries is intact." : "Line " + v.badLine() + ": " + v.reason()
                        + ".");
        StepResult result = StepResult.fromChecks(STEP, summary, List.of(chain))
                .with("file", log.file().toString())
                .with("entries", v.entries())
                .with("badLine", v.ok() ? null : v.badLine())
                .with("reason", v.reason());
        HtmlReport report = HtmlReport.forResult("Audit log", result);
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("file", log.file());
        facts.put("entries", v.entries());
        facts.put("verdict", v.ok() ? "intact" : "tampered at line " + v.badLine());
        report.section("Hash chain").facts(facts);
        if (v.ok() && v.entries() > 0) {
            List<AuditLog.Entry> entries = log.entries();
            report.section("Latest entries");
            HtmlTable table = new HtmlTable("#", "Time", "Actor", "Action", "Subject", "Evidence SHA-256");
            for (int i = entries.size() - 1; i >= Math.max(0, entries.size() - LATEST); i--) {
                AuditLog.Entry e = entries.get(i);
                table.row(e.seq(), e.time(), e.actor(), e.action(), e.subject(), e.evidence());
            }
            report.table(table);
        }
        return StageOutput.of(result, report);
    }
}
