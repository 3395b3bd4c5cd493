package io.jenkins.plugins.mlops.train;

import io.jenkins.plugins.mlops.contract.Check;
import io.jenkins.plugins.mlops.contract.CheckStatus;
import io.jenkins.plugins.mlops.contract.Provenance;
import io.jenkins.plugins.mlops.contract.Status;
import io.jenkins.plugins.mlops.contract.StepResult;
import io.jenkins.plugins.mlops.model.Lineage;
import io.jenkins.plugins.mlops.model.Manifest;
import io.jenkins.plugins.mlops.model.Preprocessor;
import io.jenkins.plugins.mlops.report.Html;
import io.jenkins.plugins.mlops.report.HtmlReport;
import io.jenkins.plugins.mlops.report.HtmlTable;
import io.jenkins.plugins.mlops.stage.StageOutput;
import io.jenkins.plugins.mlops.report.Svg;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The training step's result and report: its checks, summary, learning curves, hold-out metrics,
 * and the spec, environment and lineage.
 */
final class TrainReport {
    private TrainReport() {
    }

    private static Map<String, Object> learningCurves(TrainingLoop.Curves curves) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("trainLoss", curves.trainLoss());
        if (curves.validationLoss() != null) {
            out.put("validationLoss", curves.validationLoss());
        }
        out.put("holdoutLoss", curves.holdoutLoss());
        out.put("holdoutMetric", curves.holdoutMetric());
        out.put("metricName", curves.metricName());
        return out;
    }

    /** Training, validation (what early stopping watched) and hold-out loss. */
    private static List<Svg.Series> lossSeries(TrainingLoop.Curves curves) {
        List<Svg.Series> series = new ArrayList<>(List.of(new Svg.Series("training loss", curves.trainLoss())));
        if (curves.validationLoss() != null) {
            series.add(new Svg.Series("validation loss", curves.validationLoss()));
        }
        series.add(new Svg.Series("hold-out loss", curves.holdoutLoss()));
        return series;
    }

    /** "12 inputs → [64, 32] → 3", or "12 inputs → 3, linear" for a model without hidden layers. */
    private static String shape(TrainSpec spec, Preprocessor pre) {
        return spec.model().layers().isEmpty() ? pre.inputWidth() + " inputs → " + pre.outputWidth() + ", linear"
                : pre.inputWidth() + " inputs → " + spec.model().hidden() + " → " + pre.outputWidth();
    }

    static StageOutput output(TrainSpec spec, Preprocessor pre, TrainingLoop.Curves curves, Map<String, Double> metrics,
                              Lineage lineage, Provenance provenance, int trainRows, int holdoutRows,
                              boolean weightsFinite, List<String> identifiers, List<Map<String, Object>> candidates) {
        List<Check> checks = new ArrayList<>();
        double first = curves.trainLoss()[0];
        double last = curves.trainLoss()[curves.trainLoss().length - 1];
        checks.add(Check.of("loss-finite", Double.isFinite(last), last, "finite",
                Double.isFinite(last) ? "Training loss stayed finite in every epoch."
                        : "Training loss became NaN or infinite: lower the learning rate or check the inputs."));
        checks.add(Check.of("weights-finite", weightsFinite, weightsFinite ? "finite" : "NaN/Inf", "finite",
                weightsFinite ? "Every weight is a finite number." : "Some weights are NaN or infinite: the model is"
                        + " unusable; lower the learning rate or check the inputs."));
        boolean predictionsFinite = metrics.values().stream().allMatch(Double::isFinite);
        checks.add(Check.of("predictions-finite", predictionsFinite, predictionsFinite ? "finite" : "NaN/Inf", "finite",
                predictionsFinite ? "Hold-out predictions and metrics are finite."
                        : "Hold-out metrics are not finite: the model predicts NaN or infinity."));
        boolean decreased = last < first;
        checks.add(new Check("loss-decreased", decreased ? CheckStatus.PASSED : CheckStatus.WARNING, last,
                "< " + Html.number(first), decreased ? "Loss fell from " + Html.number(first) + " to " + Html.number(last)
                + " over " + curves.trainLoss().length + " epochs." : "Loss did not decrease; the model may not be learning."));
        String headline = metrics.entrySet().stream().map(e -> e.getKey() + " " + Html.number(e.getValue()))
                .reduce((a, b) -> a + ", " + b).orElse("");
        String summary = "Trained " + spec.name() + " (" + spec.task().jsonName() + ", " + shape(spec, pre) + ") on " + trainRows + " rows for "
                + curves.trainLoss().length + (curves.trainLoss().length == 1 ? " epoch" : " epochs") + (curves.stoppedEarly() ? " (stopped early, best epoch "
                + curves.bestEpoch() + ")" : "") + ", seed " + lineage.seed() + "; hold-out (" + holdoutRows + " rows): "
                + headline + "." + (candidates.size() < 2 ? "" : " Kept over the " + candidates.get(1).get("model")
                + " on validation loss (" + Html.number((Double) candidates.get(0).get("validationLoss")) + " against "
                + Html.number((Double) candidates.get(1).get("validationLoss")) + ").");
        boolean failed = checks.stream().anyMatch(c -> c.status() == CheckStatus.FAILED);
        StepResult result = new StepResult(TrainStep.STEP, failed ? Status.FAILED : Status.PASSED, summary, checks)
                .with("model", spec.name())
                .with("package", TrainStep.PACKAGE_DIR)
                .with("trainRows", trainRows)
                .with("holdoutRows", holdoutRows)
                .with("metrics", metrics)
                .with("excludedIdentifiers", identifiers)
                .with("candidates", candidates)
                .with("seed", lineage.seed())
                .with("learningCurves", learningCurves(curves))
                .with("lineage", lineage)
                .with(Provenance.SECTION, provenance)
                .withArtifact(TrainStep.PACKAGE_DIR + "/")
                .withArtifact(TrainStep.HOLDOUT_FILE);
        HtmlReport report = HtmlReport.forResult("Model training", result);
        report.section("Learning curves")
                .figure(Svg.lines(lossSeries(curves), "epoch", "Loss per epoch"), "Loss per epoch")
                .figure(Svg.lines(List.of(new Svg.Series("hold-out " + curves.metricName(), curves.holdoutMetric())),
                        "epoch", "Hold-out " + curves.metricName() + " per epoch"), "Hold-out " + curves.metricName()
                        + " per epoch");
        report.section("Hold-out metrics");
        HtmlTable table = new HtmlTable("Metric", "Value");
        metrics.forEach(table::row);
        report.table(table);
        if (candidates.size() > 1) {
            // the ML Test Score's "a simpler model is not better": both were fitted on the same rows
            report.section("Network and linear baseline");
            HtmlTable side = new HtmlTable("Model", "Kept", "Validation loss", "Epochs (best)", "Hold-out");
            for (Map<String, Object> c : candidates) {
                side.row(c.get("model"), Boolean.TRUE.equals(c.get("kept")) ? "kept" : "",
                        Html.number((Double) c.get("validationLoss")), c.get("epochs") + " (" + c.get("bestEpoch") + ")",
                        ((Map<?, ?>) c.get("holdout")).entrySet().stream().map(e -> e.getKey() + " "
                                + Html.number((Double) e.getValue())).reduce((a, b) -> a + ", " + b).orElse(""));
            }
            report.table(side);
        }
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("features", String.join(", ", pre.featureNames()));
        if (!identifiers.isEmpty()) {
            facts.put("left out as identifier-like", String.join(", ", identifiers)
                    + " (text with more distinct values than half the rows; name them in features.include to use them)");
        }
        facts.put("label", spec.label() + (pre.classes().isEmpty() ? "" : " " + pre.classes()));
        facts.put("split", "hold-out " + spec.split().test() + ", " + spec.split().by()
                + (spec.split().column() == null ? "" : " by " + spec.split().column()));
        facts.put("network", shape(spec, pre) + (spec.model().layers().isEmpty() ? "" : ", " + spec.model().activation()));
        facts.put("optimiser", spec.training().optimizer() + ", learning rate " + spec.training().learningRate()
                + ", batch " + spec.training().batchSize() + (spec.training().weightDecay() > 0 ? ", weight decay "
                + spec.training().weightDecay() : "") + (spec.training().l2() > 0 ? ", L2 " + spec.training().l2() : ""));
        facts.put("early stopping", spec.training().earlyStopping() == null ? "off" : spec.training().earlyStopping()
                .metric() + ", patience " + spec.training().earlyStopping().patience() + ", on "
                + spec.training().earlyStopping().validation() + " of the training rows");
        facts.put("seed", lineage.seed());
        facts.put("data", lineage.dataFile() + " sha256:" + lineage.dataSha256());
        facts.put("spec sha256", lineage.specSha256());
        facts.put("code commit", lineage.codeCommit() == null ? "not set (GIT_COMMIT)" : lineage.codeCommit());
        facts.putAll(lineage.environment());
        report.section("Spec, environment and lineage").facts(facts);
        report.link(TrainStep.PACKAGE_DIR + "/" + Manifest.FILE, "Model package manifest (SHA-256 of every file)");
        return StageOutput.of(result, report);
    }
}
