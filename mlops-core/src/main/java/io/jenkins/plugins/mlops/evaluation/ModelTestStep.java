package io.jenkins.plugins.mlops.evaluation;

import io.jenkins.plugins.mlops.contract.Check;
import io.jenkins.plugins.mlops.contract.CheckStatus;
import io.jenkins.plugins.mlops.contract.InvalidInputException;
import io.jenkins.plugins.mlops.contract.Provenance;
import io.jenkins.plugins.mlops.contract.Stage;
import io.jenkins.plugins.mlops.contract.StepResult;
import io.jenkins.plugins.mlops.data.Sha256;
import io.jenkins.plugins.mlops.data.Shuffle;
import io.jenkins.plugins.mlops.data.Table;
import io.jenkins.plugins.mlops.model.FeatureTransform;
import io.jenkins.plugins.mlops.model.PackagedModel;
import io.jenkins.plugins.mlops.model.Prediction;
import io.jenkins.plugins.mlops.model.Preprocessor;
import io.jenkins.plugins.mlops.model.Task;
import io.jenkins.plugins.mlops.report.Html;
import io.jenkins.plugins.mlops.report.HtmlReport;
import io.jenkins.plugins.mlops.report.HtmlTable;
import io.jenkins.plugins.mlops.stage.StageExecutor;
import io.jenkins.plugins.mlops.stage.StageOutput;
import io.jenkins.plugins.mlops.stage.StageRunner;
import io.jenkins.plugins.mlops.report.Svg;
import io.jenkins.plugins.mlops.schema.FieldType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * The {@code test} step: scores labelled rows with a packaged model and holds it to the suite:
 * absolute metric bounds, changes versus a baseline model and per slice (paired bootstrap
 * intervals, minimum slice size), sanity, invariance, latency; permutation importance for the
 * report. Every check carries its measured value, threshold, sample size and a sentence.
 */
public final class ModelTestStep extends StageExecutor<TestSpec> {
    public static final String STEP = Stage.TEST.result();
    /** The kinds of test, in the order their checks appear. */
    static final List<ModelTest> TESTS = List.of(new MetricThresholds(), new BaselineComparison(),
            new SlicePerformance(), new SanityChecks(), new InvarianceChecks(), new DirectionalExpectations(),
            new MinimumFunctionality(), new FairnessGap(), new LatencyBudget());

    public ModelTestStep() {
        super(Stage.TEST, TestSpec.class);
    }

    /** The step from its spec: the models loaded (and verified), the suite read or the task's defaults. */
    @Override
    public StageOutput execute(TestSpec spec) {
        try (PackagedModel model = PackagedModel.load(spec.model());
             PackagedModel base = spec.baseline() != null ? PackagedModel.load(spec.baseline().resolve().dir())
                     : ownBaseline(model)) {
            TestSuite suite = spec.suite() == null ? TestSuite.defaults(model.info().task())
                    : TestSuite.read(spec.suite(), model.info().task());
            if (spec.baseline() == null && base != null && suite.baseline() == null) {
                suite = suite.simplerModelNotBetter(model.info().task());
            }
            requireBaseline(suite, base);
            return evaluate(model, TestRows.read(spec.data(), model, base, suite), spec.data(), suite);
        }
    }

    private static void requireBaseline(TestSuite suite, PackagedModel baseline) {
        if (suite.baseline() != null && baseline == null) {
            throw new InvalidInputException("the suite compares with a baseline: pass --baseline MODEL");
        }
    }

    /** The linear model that training fitted on the same rows and packaged inside the network it kept; or null. */
    private static PackagedModel ownBaseline(PackagedModel model) {
        Path own = model.dir().resolve(PackagedModel.BASELINE_DIR);
        return Files.isDirectory(own) ? PackagedModel.load(own) : null;
    }

    public static StepResult run(PackagedModel model, Table data, Path dataFile, TestSuite suite, Path outDir) {
        return run(model, null, data, dataFile, suite, outDir);
    }

    public static StepResult run(PackagedModel model, PackagedModel baseline, Table data, Path dataFile, TestSuite suite,
                                 Path outDir) {
        requireBaseline(suite, baseline);
        return StageRunner.write(evaluate(model, TestRows.of(data, dataFile, model, baseline, suite), dataFile, suite),
                outDir);
    }

    static StageOutput evaluate(PackagedModel model, TestRows tested, Path dataFile, TestSuite suite) {
        Preprocessor pre = model.preprocessor();
        Table labelled = tested.rows();
        int labelColumn = labelled.columnIndex(pre.label());
        List<Prediction> predictions = tested.predictions();
        Evaluation evaluation = Evaluation.of(pre, predictions, labelled, dataFile);
        Map<String, Double> metrics = evaluation.metrics();
        Scoring scoring = scoring(pre, labelled, labelColumn);
        Table sample = tested.sample();
        List<Prediction> samplePredictions = model.predict(sample);
        ModelTest.Run run = new ModelTest.Run(model, tested.baseline(), suite, labelled, dataFile, scoring, predictions,
                tested.baselinePredictions(), metrics, sample, samplePredictions);
        List<Check> checks = new ArrayList<>();
        // sections are collected before the result: its status depends on every check
        Map<String, Object> sections = new LinkedHashMap<>();
        for (ModelTest test : TESTS) {
            if (test.requested(run)) {
                checks.addAll(test.checks(run, sections));
            }
        }
        int n = labelled.rowCount();
        Map<String, Double> importance = Boolean.FALSE.equals(suite.importance()) ? Map.of()
                : importance(model, sample, samplePredictions, scoring(pre, sample, sample.columnIndex(pre.label())), pre);
        sections.put("importance", importance);
        BinaryCurves curves = null;
        if (pre.task() == Task.CLASSIFICATION && pre.classes().size() == 2) {
            String[] labels = new String[n];
            for (int r = 0; r < n; r++) {
                labels[r] = labelled.value(r, labelColumn);
            }
            curves = BinaryCurves.of(pre.classes(), labels, predictions);
            metrics = new LinkedHashMap<>(metrics);
            metrics.put("auc", curves.auc());
            metrics.put("averagePrecision", curves.averagePrecision());
            sections.put("binary", curves);
        }

        List<String> failing = checks.stream().filter(c -> c.status() == CheckStatus.FAILED).map(Check::name).toList();
        String headline = pre.task() == Task.CLASSIFICATION
                ? "accuracy " + Html.number(metrics.get("accuracy")) + ", macro-F1 " + Html.number(metrics.get("macroF1"))
                : "RMSE " + Html.number(metrics.get("rmse")) + ", MAE " + Html.number(metrics.get("mae")) + ", R² "
                + Html.number(metrics.get("r2"));
        String summary = "Model " + model.info().name() + " on " + n + " labelled rows of " + dataFile.getFileName() + ": "
                + headline + (failing.isEmpty() ? verdicts(checks) : "; failing: " + String.join(", ", failing) + ".");
        StepResult result = StepResult.fromChecks(STEP, summary, checks)
                .with("model", model.info().name())
                .with("modelDigest", model.digest())
                .with(Provenance.SECTION, new Provenance(!Files.isRegularFile(dataFile) ? null
                        : new Provenance.DataFile(dataFile.getFileName().toString(), Sha256.of(dataFile)), null,
                        model.digest()))
                .with("rows", n)
                .with("metrics", metrics);
        if (evaluation.confusion() != null) {
            Map<String, Object> confusion = new LinkedHashMap<>();
            confusion.put("labels", pre.classes());
            confusion.put("matrix", evaluation.confusion());
            result.with("confusionMatrix", confusion);
        }
        sections.forEach(result::with);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> sliceRows = (List<Map<String, Object>>) sections.getOrDefault("slices", List.of());
        HtmlReport report = report(result, metrics, evaluation, pre, n, sliceRows, importance);
        if (curves != null) {
            renderCurves(report, curves);
        }
        return StageOutput.of(result, report);
    }

    /** ROC, precision-recall and calibration side by side, for a binary classifier. */
    private static void renderCurves(HtmlReport report, BinaryCurves curves) {
        report.section("ROC, precision-recall and calibration (positive class: " + curves.positive() + ")");
        List<Double> predicted = curves.calibration().stream().map(b -> b.get("meanPredicted")).toList();
        List<Double> observed = curves.calibration().stream().map(b -> b.get("observed")).toList();
        report.gallery(List.of(
                "<figure>" + Svg.unitCurves(List.of(new Svg.Curve("ROC", curves.fpr(), curves.tpr())), true,
                        "false positive rate", "true positive rate", "ROC curve") + "<figcaption>ROC, AUC "
                        + Html.number(curves.auc()) + "</figcaption></figure>",
                "<figure>" + Svg.unitCurves(List.of(new Svg.Curve("precision-recall", curves.recall(),
                        curves.precision())), false, "recall", "precision", "Precision-recall curve")
                        + "<figcaption>Precision-recall, average precision " + Html.number(curves.averagePrecision())
                        + "</figcaption></figure>",
                "<figure>" + Svg.unitCurves(List.of(new Svg.Curve("calibration", predicted.stream()
                        .mapToDouble(Double::doubleValue).toArray(), observed.stream().mapToDouble(Double::doubleValue)
                        .toArray())), true, "predicted probability", "observed share", "Calibration")
                        + "<figcaption>Calibration: observed share of positives per bin of predicted probability"
                        + "</figcaption></figure>"));
    }

    static Scoring scoring(Preprocessor pre, Table labelled, int labelColumn) {
        int n = labelled.rowCount();
        if (pre.task() == Task.CLASSIFICATION) {
            String[] labels = new String[n];
            for (int r = 0; r < n; r++) {
                labels[r] = labelled.value(r, labelColumn);
            }
            return new Scoring(pre.task(), pre.classes(), labels, null);
        }
        double[] values = new double[n];
        for (int r = 0; r < n; r++) {
            values[r] = FieldType.parseDouble(labelled.value(r, labelColumn));
        }
        return new Scoring(pre.task(), List.of(), null, values);
    }







    /** Each feature's drop of the headline metric when its column is shuffled (seeded), on the rows given: the sample. */
    static Map<String, Double> importance(PackagedModel model, Table rows, List<Prediction> predictions, Scoring scoring,
                                          Preprocessor pre) {
        String metric = pre.task() == Task.CLASSIFICATION ? "accuracy" : "r2";
        int[] all = IntStream.range(0, rows.rowCount()).toArray();
        double reference = scoring.metric(metric, all, predictions);
        Map<String, Double> out = new LinkedHashMap<>();
        SplittableRandom random = new SplittableRandom(Scoring.SEED);
        for (FeatureTransform f : pre.features()) {
            int c = rows.columnIndex(f.name());
            if (c < 0) {
                continue;
            }
            int[] order = Shuffle.permutation(rows.rowCount(), random);
            double value = scoring.metric(metric, all, model.predict(rows.withColumn(c, r -> rows.value(order[r], c))));
            out.put(f.name(), reference - value);
        }
        Map<String, Double> sorted = new LinkedHashMap<>();
        out.entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .forEach(e -> sorted.put(e.getKey(), e.getValue()));
        return sorted;
    }

    static HtmlReport report(StepResult result, Map<String, Double> metrics, Evaluation evaluation, Preprocessor pre,
                             int n, List<Map<String, Object>> slices, Map<String, Double> importance) {
        HtmlReport report = HtmlReport.forResult("Model test", result);
        report.section("Metrics");
        HtmlTable table = new HtmlTable("Metric", "Value");
        metrics.forEach(table::row);
        report.table(table);
        if (evaluation.confusion() != null) {
            report.section("Confusion matrix").figure(Svg.heatmap(pre.classes(), evaluation.confusion(),
                    "Confusion matrix"), "Rows: actual class; columns: predicted class; " + n + " rows.");
        }
        if (!slices.isEmpty()) {
            report.section("Slices");
            List<String> keys = new ArrayList<>(slices.get(0).keySet());
            slices.stream().flatMap(m -> m.keySet().stream()).forEach(k -> {
                if (!keys.contains(k)) {
                    keys.add(keys.size() - 1, k);
                }
            });
            HtmlTable t = new HtmlTable(keys.toArray(String[]::new));
            for (Map<String, Object> row : slices) {
                String verdict = String.valueOf(row.get("verdict"));
                t.rowWithClass("row-" + verdict.toLowerCase(Locale.ROOT).replace('_', '-'),
                        keys.stream().map(row::get).toArray());
            }
            report.table(t);
        }
        if (!importance.isEmpty()) {
            List<Map.Entry<String, Double>> top = importance.entrySet().stream().limit(15).toList();
            report.section("Permutation importance").figure(Svg.bars(top.stream().map(Map.Entry::getKey).toList(),
                    top.stream().mapToDouble(e -> Math.max(0, e.getValue())).toArray(), "Permutation importance"),
                    "Drop of " + (pre.task() == Task.CLASSIFICATION ? "accuracy" : "R²") + " when the column is shuffled"
                            + (n > TestRows.SAMPLE ? ", on a seeded sample of " + TestRows.SAMPLE + " of the " + n + " rows" : "")
                            + " (the " + top.size() + " most important of " + importance.size() + " inputs; all in"
                            + " test.json); larger: the model leans on it more.");
        }
        return report;
    }

    /** The summary's tail when nothing failed: "all N passed", else what did not pass says so (a slice too small has no verdict). */
    private static String verdicts(List<Check> checks) {
        long passed = checks.stream().filter(c -> c.status() == CheckStatus.PASSED).count();
        if (passed == checks.size()) {
            return "; all " + checks.size() + " checks passed.";
        }
        long warnings = checks.stream().filter(c -> c.status() == CheckStatus.WARNING).count();
        long undecided = checks.stream().filter(c -> c.status() == CheckStatus.INSUFFICIENT_DATA).count();
        return "; none of " + checks.size() + " checks failed: " + passed + " passed"
                + (warnings > 0 ? ", " + warnings + " warned" : "")
                + (undecided > 0 ? ", " + undecided + " without enough data for a verdict" : "") + ".";
    }
}
