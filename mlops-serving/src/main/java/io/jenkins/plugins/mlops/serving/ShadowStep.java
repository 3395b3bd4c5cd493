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
import java.util.ArrayDeque;
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
        Comparison both = new Comparison(model, shadowVersion);
        Provenance.DataFile file = MonitorStep.eachEntry(log, both::add);
        if (both.shadowRows == 0) {
            throw InvalidInputException.in(log, "no shadow predictions of " + model + "@" + shadowVersion);
        }
        double agreement = both.pairs == 0 ? 0 : (double) both.agree / both.pairs;
        List<Check> checks = new ArrayList<>();
        checks.add(both.pairs == 0 ? new Check("agreement", CheckStatus.INSUFFICIENT_DATA, 0, ">= " + minAgreement,
                "No request was answered by the primary and seen by the shadow.")
                : Check.of("agreement", agreement >= minAgreement, agreement, ">= " + minAgreement, "The shadow agrees"
                + " with the answers given on " + both.agree + " of " + both.pairs + " rows."));
        Map<String, Object> comparison = new LinkedHashMap<>();
        comparison.put("pairs", both.pairs);
        comparison.put("agreement", agreement);
        comparison.put("labelled", both.labelled);
        if (both.labelled > 0) {
            double p = (double) both.primaryRight / both.labelled;
            double sh = (double) both.shadowRight / both.labelled;
            comparison.put("primaryAccuracy", p);
            comparison.put("shadowAccuracy", sh);
            checks.add(Check.of("accuracy-delta", sh >= p, sh - p, ">= 0", "On " + both.labelled + " rows with ground truth:"
                    + " shadow " + Html.number(sh) + ", primary " + Html.number(p) + "."));
        }
        StepResult result = StepResult.fromChecks(STEP, "Shadow " + model + "@" + shadowVersion + " agreed with the"
                + " primary on " + Html.number(100 * agreement) + " % of " + both.pairs + " rows" + (both.labelled == 0 ? ""
                : "; accuracy " + Html.number((double) both.shadowRight / both.labelled) + " against " + Html.number(
                (double) both.primaryRight / both.labelled) + " on " + both.labelled + " labelled rows") + ".", checks)
                .with("comparison", comparison)
                .with(Provenance.SECTION, new Provenance(null, null, ServedVersions.digest(spec.registry(), model,
                        shadowVersion), file, both.primaries.size() != 1 ? null
                        : ServedVersions.digest(spec.registry(), model, both.primaries.iterator().next())));
        HtmlReport report = HtmlReport.forResult("Shadow comparison", result);
        report.section("Comparison").facts(comparison);
        return StageOutput.of(result, report);
    }

    /** What the comparison keeps of one of the primary's answers. */
    private record Answer(String version, String prediction, String actual) {
    }

    /**
     * The counts over the request rows both answered, from the log's entries as they pass. A request row's answers
     * pair in log order: the first answer with the first shadow answer of the same request id and row, and so on
     * (a client may reuse an id, and the shadow answers after the reply, so two requests' answers can interleave).
     * Only the answers still waiting for their other half are kept, without their inputs: usually a handful, more
     * when shadow answers were dropped under load.
     */
    private static final class Comparison {
        private final String model;
        private final String shadowVersion;
        private final Map<String, ArrayDeque<Answer>> primaryWaiting = new HashMap<>();
        private final Map<String, ArrayDeque<String>> shadowWaiting = new HashMap<>();
        final Set<String> primaries = new TreeSet<>();
        long shadowRows;
        long pairs;
        long agree;
        long labelled;
        long primaryRight;
        long shadowRight;

        Comparison(String model, String shadowVersion) {
            this.model = model;
            this.shadowVersion = shadowVersion;
        }

        void add(PredictionLogEntry e) {
            if (!model.equals(e.model()) || e.isShadow() && !shadowVersion.equals(e.version())) {
                return;
            }
            String key = e.requestId() + "#" + e.row();
            if (e.isShadow()) {
                shadowRows++;
                Answer answered = first(primaryWaiting, key);
                if (answered != null) {
                    pair(answered, e.prediction());
                } else {
                    shadowWaiting.computeIfAbsent(key, k -> new ArrayDeque<>(1)).add(e.prediction());
                }
            } else {
                Answer answered = new Answer(e.version(), e.prediction(), e.actual());
                String shadow = first(shadowWaiting, key);
                if (shadow != null) {
                    pair(answered, shadow);
                } else {
                    primaryWaiting.computeIfAbsent(key, k -> new ArrayDeque<>(1)).add(answered);
                }
            }
        }

        /** The oldest answer waiting under {@code key}, taken out; null when none waits. */
        private static <T> T first(Map<String, ArrayDeque<T>> waiting, String key) {
            ArrayDeque<T> queue = waiting.get(key);
            if (queue == null) {
                return null;
            }
            T oldest = queue.poll();
            if (queue.isEmpty()) {
                waiting.remove(key);
            }
            return oldest;
        }

        private void pair(Answer answered, String shadowPrediction) {
            pairs++;
            primaries.add(answered.version());
            agree += answered.prediction().equals(shadowPrediction) ? 1 : 0;
            if (answered.actual() != null) {
                labelled++;
                primaryRight += answered.actual().equals(answered.prediction()) ? 1 : 0;
                shadowRight += answered.actual().equals(shadowPrediction) ? 1 : 0;
            }
        }
    }
}
