package io.jenkins.plugins.mlops.serving;

import io.jenkins.plugins.mlops.contract.Check;
import io.jenkins.plugins.mlops.contract.CheckStatus;
import io.jenkins.plugins.mlops.contract.InvalidInputException;
import io.jenkins.plugins.mlops.contract.Provenance;
import io.jenkins.plugins.mlops.contract.Stage;
import io.jenkins.plugins.mlops.contract.StepResult;
import io.jenkins.plugins.mlops.monitor.MonitorStep;
import io.jenkins.plugins.mlops.monitor.PredictionLogEntry;
import io.jenkins.plugins.mlops.report.Html;
import io.jenkins.plugins.mlops.report.HtmlReport;
import io.jenkins.plugins.mlops.stage.StageExecutor;
import io.jenkins.plugins.mlops.stage.StageOutput;
import io.jenkins.plugins.mlops.stage.StageRunner;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The {@code shadow} step: how a shadow model would have answered the requests the primary
 * answered: agreement rate, and with ground truth from feedback, both models' accuracy.
 */
public final class ShadowStep extends StageExecutor<ShadowSpec> {
    public static final String STEP = Stage.SHADOW.result();

    /** @param minAgreement below it the shadow's check fails (it would change too many answers) */
    public ShadowStep() {
        super(Stage.SHADOW, ShadowSpec.class);
    }

    public static StepResult run(Path log, String model, String shadowVersion, double minAgreement, Path outDir) {
        return StageRunner.run(new ShadowStep(), new ShadowSpec(log, model, shadowVersion, minAgreement, null),
                outDir);
    }

    @Override
    public StageOutput execute(ShadowSpec spec) {
        Path log = spec.log();
        String model = spec.model();
        String shadowVersion = spec.shadow();
        double minAgreement = spec.minAgreement();
        MonitorStep.LoggedTraffic traffic = MonitorStep.readTraffic(log);
        List<PredictionLogEntry> entries = traffic.entries().stream().filter(e -> model.equals(e.model())).toList();
        Map<String, PredictionLogEntry> shadow = new HashMap<>();
        entries.stream().filter(e -> e.isShadow() && shadowVersion.equals(e.version()))
                .forEach(e -> shadow.put(e.requestId() + "#" + e.row(), e));
        if (shadow.isEmpty()) {
            throw InvalidInputException.in(log, "no shadow predictions of " + model + "@" + shadowVersion);
        }
        long pairs = 0;
        long agree = 0;
        long labelled = 0;
        long primaryRight = 0;
        long shadowRight = 0;
        Set<String> primaries = new TreeSet<>();
        for (PredictionLogEntry answered : entries) {
            PredictionLogEntry s = answered.isShadow() ? null : shadow.get(answered.requestId() + "#" + answered.row());
            if (s == null) {
                continue;
            }
            pairs++;
            primaries.add(answered.version());
            agree += answered.prediction().equals(s.prediction()) ? 1 : 0;
            if (answered.actual() != null) {
                labelled++;
                primaryRight += answered.actual().equals(answered.prediction()) ? 1 : 0;
                shadowRight += answered.actual().equals(s.prediction()) ? 1 : 0;
            }
        }
        double agreement = pairs == 0 ? 0 : (double) agree / pairs;
        List<Check> checks = new ArrayList<>();
        checks.add(pairs == 0 ? new Check("agreement", CheckStatus.INSUFFICIENT_DATA, 0, ">= " + minAgreement,
                "No request was answered by the primary and seen by the shadow.")
                : Check.of("agreement", agreement >= minAgreement, agreement, ">= " + minAgreement, "The shadow agrees"
                + " with the answers given on " + agree + " of " + pairs + " rows."));
        Map<String, Object> comparison = new LinkedHashMap<>();
        comparison.put("pairs", pairs);
        comparison.put("agreement", agreement);
        comparison.put("labelled", labelled);
        if (labelled > 0) {
            double p = (double) primaryRight / labelled;
            double sh = (double) shadowRight / labelled;
            comparison.put("primaryAccuracy", p);
            comparison.put("shadowAccuracy", sh);
            checks.add(Check.of("accuracy-delta", sh >= p, sh - p, ">= 0", "On " + labelled + " rows with ground truth:"
                    + " shadow " + Html.number(sh) + ", primary " + Html.number(p) + "."));
        }
        StepResult result = StepResult.fromChecks(STEP, "Shadow " + model + "@" + shadowVersion + " agreed with the"
                + " primary on " + Html.number(100 * agreement) + " % of " + pairs + " rows" + (labelled == 0 ? ""
                : "; accuracy " + Html.number((double) shadowRight / labelled) + " against " + Html.number(
                (double) primaryRight / labelled) + " on " + labelled + " labelled rows") + ".", checks)
                .with("comparison", comparison)
                .with(Provenance.SECTION, new Provenance(null, null, ServedVersions.digest(spec.registry(), model,
                        shadowVersion), traffic.file(), primaries.size() != 1 ? null
                        : ServedVersions.digest(spec.registry(), model, primaries.iterator().next())));
        HtmlReport report = HtmlReport.forResult("Shadow comparison", result);
        report.section("Comparison").facts(comparison);
        return StageOutput.of(result, report);
    }
}
