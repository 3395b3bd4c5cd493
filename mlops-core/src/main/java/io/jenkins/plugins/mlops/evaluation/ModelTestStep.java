package io.jenkins.plugins.mlops.evaluation;

import io.jenkins.plugins.mlops.contract.Check;
import io.jenkins.plugins.mlops.contract.CheckStatus;
import io.jenkins.plugins.mlops.contract.InvalidInputException;
import io.jenkins.plugins.mlops.contract.Provenance;
import io.jenkins.plugins.mlops.contract.Stage;
import io.jenkins.plugins.mlops.contract.StepResult;
import io.jenkins.plugins.mlops.data.Columns;
import io.jenkins.plugins.mlops.data.Moments;
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
import io.jenkins.plugins.mlops.report.StepOutputWriter;
import io.jenkins.plugins.mlops.report.Svg;
import io.jenkins.plugins.mlops.schema.FieldType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.stream.IntStream;

/**
 * The {@code test} step: scores labelled rows with a packaged model and holds it to the suite:
 * absolute metric bounds, changes versus a baseline model and per slice (paired bootstrap
 * intervals, minimum slice size), sanity, invariance, latency; permutation importance for the
 * report. Every check carries its measured value, threshold, sample size and a sentence.
 */
public final class ModelTestStep {
    public static final String STEP = Stage.TEST.result();
    static final int DEFAULT_MIN_SLICE = 30;

    private ModelTestStep() {
    }

    public static StepResult run(PackagedModel model, Table data, Path dataFile, TestSuite suite, Path outDir) {
        return run(model, null, data, dataFile, suite, outDir);
    }

    public static StepResult run(PackagedModel model, PackagedModel baseline, Table data, Path dataFile, TestSuite suite,
                                 Path outDir) {
        Preprocessor pre = model.preprocessor();
        int labelColumn = data.columnIndex(pre.label());
        if (labelColumn < 0) {
            throw InvalidInputException.at(dataFile, 1, 0, "label column '" + pre.label() + "' is not in the data"
                    + " (columns: " + data.columns() + ")");
        }
        if (suite.baseline() != null && baseline == null) {
            throw new InvalidInputException("the suite compares with a baseline: pass --baseline MODEL");
        }
        Table labelled = data.filter(r -> data.value(r, labelColumn) != null);
        if (labelled.rowCount() == 0) {
            throw InvalidInputException.in(dataFile, "no rows with a value in label column '" + pre.label() + "'");
        }
        List<Prediction> predictions = model.predict(labelled);
        Evaluation evaluation = Evaluation.of(pre, predictions, labelled, dataFile);
        Map<String, Double> metrics = evaluation.metrics();
        Scoring scoring = scoring(pre, labelled, labelColumn);
        int[] all = IntStream.range(0, labelled.rowCount()).toArray();
        List<Check> checks = new ArrayList<>();
        int n = labelled.rowCount();
        if (suite.metrics() != null) {
            for (Map.Entry<String, TestSuite.Bound> e : suite.metrics().entrySet()) {
                double value = metrics.get(e.getKey());
                boolean ok = e.getValue().holds(value);
                checks.add(Check.of(e.getKey(), ok, value, e.getValue().describe(), e.getKey() + " = " + Html.number(value)
                        + " on " + n + " rows " + (ok ? "meets" : "misses") + " the threshold " + e.getValue().describe()
                        + "."));
            }
        }
        // sections are collected before the result: its status depends on every check
        Map<String, Object> sections = new LinkedHashMap<>();
        List<Prediction> base = null;
        if (baseline != null) {
            base = baseline.predict(labelled);
            Map<String, Object> comparison = new LinkedHashMap<>();
            comparison.put("metrics", Evaluation.of(baseline.preprocessor(), base, labelled, dataFile).metrics());
            if (suite.baseline() != null) {
                for (Map.Entry<String, TestSuite.Change> e : suite.baseline().entrySet()) {
                    checks.add(compare("baseline:" + e.getKey(), e.getKey(), all, scoring, predictions, base,
                            e.getValue(), "all " + n + " rows"));
                }
            }
            sections.put("baseline", comparison);
        }
        List<Map<String, Object>> sliceRows = new ArrayList<>();
        if (suite.slices() != null) {
            checks.addAll(slices(suite, labelled, scoring, predictions, base, pre, sliceRows));
            sections.put("slices", sliceRows);
        }
        if (!Boolean.FALSE.equals(suite.sanity())) {
            checks.addAll(sanity(model, labelled, predictions));
        }
        if (suite.invariance() != null) {
            for (TestSuite.Invariance inv : suite.invariance()) {
                checks.add(invariance(model, labelled, predictions, inv, dataFile));
            }
        }
        if (suite.directional() != null) {
            for (TestSuite.Directional d : suite.directional()) {
                checks.add(directional(model, labelled, predictions, d, dataFile));
            }
        }
        if (suite.cases() != null) {
            for (TestSuite.Case c : suite.cases()) {
                checks.add(minimumFunctionality(model, c));
            }
        }
        if (suite.fairness() != null) {
            checks.add(fairness(suite, labelled, scoring, predictions, pre, dataFile));
        }
        Map<String, Double> latency = null;
        if (suite.latency() != null) {
            latency = Latency.measure(model, labelled);
            checks.addAll(Latency.checks(latency, suite.latency()));
            if (baseline != null) {
                Map<String, Double> baseLatency = Latency.measure(baseline, labelled);
                latency.put("baselineP99Ms", baseLatency.get("p99Ms"));
                latency.put("baselineBatchRowsPerSecond", baseLatency.get("batchRowsPerSecond"));
                if (suite.latency().maxSlowdown() != null) {
                    double ratio = latency.get("p99Ms") / Math.max(1e-9, baseLatency.get("p99Ms"));
                    checks.add(Check.of("latency:vs-baseline", ratio <= suite.latency().maxSlowdown(), ratio, "<= "
                            + suite.latency().maxSlowdown() + "x", "Single-row p99 " + Html.number(latency.get("p99Ms"))
                            + " ms against the baseline's " + Html.number(baseLatency.get("p99Ms")) + " ms: "
                            + Html.number(ratio) + " times."));
                }
            }
            sections.put("latency", latency);
        }
        Map<String, Double> importance = Boolean.FALSE.equals(suite.importance()) ? Map.of()
                : importance(model, labelled, predictions, scoring, pre);
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
                + headline + (failing.isEmpty() ? "; all " + checks.size() + " checks passed."
                : "; failing: " + String.join(", ", failing) + ".");
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
        HtmlReport report = report(result, metrics, evaluation, pre, n, sliceRows, importance);
        if (curves != null) {
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
        StepOutputWriter.write(outDir, result, report);
        return result;
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

    /** A change versus the baseline fails only when its whole 95 % interval is worse than allowed. */
    static Check compare(String name, String metric, int[] rows, Scoring scoring, List<Prediction> challenger,
                         List<Prediction> baseline, TestSuite.Change change, String where) {
        double improvement = scoring.improvement(metric, rows, challenger, baseline);
        double[] ci = scoring.improvementInterval(metric, rows, challenger, baseline);
        double baseValue = scoring.metric(metric, rows, baseline);
        double allowed = Boolean.TRUE.equals(change.relative()) ? change.maxDrop() * Math.abs(baseValue) : change.maxDrop();
        boolean fails = ci[1] < -allowed;
        String sentence = metric + " " + (improvement >= 0 ? "better" : "worse") + " than the baseline by "
                + Html.number(Math.abs(improvement)) + " on " + where + " (95 % CI of the change [" + Html.number(ci[0])
                + ", " + Html.number(ci[1]) + "], baseline " + Html.number(baseValue) + ")"
                + (fails ? ": worse beyond the allowed drop of " + Html.number(allowed) + "." : ".");
        return Check.of(name, !fails, improvement, "change >= -" + Html.number(allowed) + " (CI upper bound)", sentence);
    }

    /** Per slice: INSUFFICIENT_DATA below the minimum size, else a CI-based comparison. */
    static List<Check> slices(TestSuite suite, Table rows, Scoring scoring, List<Prediction> predictions,
                              List<Prediction> baseline, Preprocessor pre, List<Map<String, Object>> table) {
        TestSuite.Slices s = suite.slices();
        int minSize = s.minSize() == null ? DEFAULT_MIN_SLICE : s.minSize();
        String metric = s.metric() != null ? s.metric() : pre.task() == Task.CLASSIFICATION ? "accuracy" : "mae";
        double maxDrop = s.maxDrop() == null ? 0.0 : s.maxDrop();
        TestSuite.Bound bound = suite.metrics() == null ? null : suite.metrics().get(metric);
        List<Check> checks = new ArrayList<>();
        for (String column : s.by()) {
            int c = rows.columnIndex(column);
            if (c < 0) {
                throw new InvalidInputException("slice column '" + column + "' is not in the test data (columns: "
                        + rows.columns() + ")");
            }
            for (Map.Entry<String, int[]> slice : groups(rows, c).entrySet()) {
                int[] members = slice.getValue();
                String name = "slice:" + column + "=" + slice.getKey();
                double value = scoring.metric(metric, members, predictions);
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("column", column);
                row.put("slice", slice.getKey());
                row.put("rows", members.length);
                row.put(metric, value);
                Check check;
                if (members.length < minSize) {
                    check = new Check(name, CheckStatus.INSUFFICIENT_DATA, members.length, ">= " + minSize + " rows",
                            "Only " + members.length + " rows in this slice (minimum " + minSize + "): no verdict.");
                } else if (baseline != null) {
                    check = compare(name, metric, members, scoring, predictions, baseline, new TestSuite.Change(maxDrop,
                            false), members.length + " rows where " + column + " = " + slice.getKey());
                    row.put("baseline", scoring.metric(metric, members, baseline));
                } else if (bound != null) {
                    double[] ci = scoring.interval(metric, members, predictions);
                    // fail only when the whole interval misses the bound
                    boolean fails = bound.min() != null && ci[1] < bound.min() - maxDrop
                            || bound.max() != null && ci[0] > bound.max() + maxDrop;
                    check = Check.of(name, !fails, value, bound.describe() + " (CI)",
                            metric + " " + Html.number(value) + " on " + members.length + " rows where " + column + " = "
                                    + slice.getKey() + " (95 % CI [" + Html.number(ci[0]) + ", " + Html.number(ci[1])
                                    + "])" + (fails ? ": the whole interval misses " + bound.describe() + "." : "."));
                } else {
                    check = Check.passed(name, value, null, metric + " " + Html.number(value) + " on " + members.length
                            + " rows where " + column + " = " + slice.getKey() + " (no bound or baseline to hold it to).");
                }
                row.put("verdict", check.status());
                table.add(row);
                checks.add(check);
            }
        }
        return checks;
    }

    /** Rows by category, or by quartile of a numeric column. */
    static Map<String, int[]> groups(Table rows, int c) {
        Map<String, List<Integer>> groups = new TreeMap<>();
        Map<String, List<Integer>> quartiles = new LinkedHashMap<>();
        double[] x = Columns.numbers(rows, c);
        boolean numeric = x.length > 0 && x.length == IntStream.range(0, rows.rowCount())
                .filter(r -> rows.value(r, c) != null).count() && Columns.counts(rows, c).size() > 8;
        double[] edges = null;
        if (numeric) {
            double[] sorted = x.clone();
            Arrays.sort(sorted);
            edges = new double[] {sorted[sorted.length / 4], sorted[sorted.length / 2], sorted[3 * sorted.length / 4]};
        }
        for (int r = 0; r < rows.rowCount(); r++) {
            String v = rows.value(r, c);
            String key;
            if (v == null) {
                key = "(missing)";
            } else if (numeric) {
                double d = FieldType.parseDouble(v);
                int q = d <= edges[0] ? 0 : d <= edges[1] ? 1 : d <= edges[2] ? 2 : 3;
                key = switch (q) {
                    case 0 -> "<= " + Html.number(edges[0]);
                    case 1 -> "(" + Html.number(edges[0]) + ", " + Html.number(edges[1]) + "]";
                    case 2 -> "(" + Html.number(edges[1]) + ", " + Html.number(edges[2]) + "]";
                    default -> "> " + Html.number(edges[2]);
                };
            } else {
                key = v;
            }
            (numeric && v != null ? quartiles : groups).computeIfAbsent(key, k -> new ArrayList<>()).add(r);
        }
        Map<String, int[]> out = new LinkedHashMap<>();
        if (numeric) {
            // lowest quartile first, as a reader expects, not in the alphabetical order of the labels
            quartiles.entrySet().stream()
                    .sorted(Comparator.comparingDouble(e -> FieldType.parseDouble(rows.value(e.getValue().get(0), c))))
                    .forEach(e -> out.put(e.getKey(), e.getValue().stream().mapToInt(Integer::intValue).toArray()));
        }
        groups.forEach((k, v) -> out.put(k, v.stream().mapToInt(Integer::intValue).toArray()));
        return out;
    }

    static List<Check> sanity(PackagedModel model, Table rows, List<Prediction> predictions) {
        List<Check> checks = new ArrayList<>();
        boolean finite = predictions.stream().allMatch(p -> Double.isFinite(p.value())
                && (p.probabilities() == null || Arrays.stream(p.probabilities()).allMatch(Double::isFinite)));
        checks.add(Check.of("sanity:finite", finite, finite ? "all finite" : "NaN/Inf", "finite",
                finite ? "Every output is a finite number." : "Some outputs are NaN or infinite."));
        if (model.info().task() == Task.CLASSIFICATION) {
            double worst = predictions.stream().mapToDouble(p -> Math.abs(Arrays.stream(p.probabilities()).sum() - 1))
                    .max().orElse(0);
            checks.add(Check.of("sanity:probabilities", worst <= 1e-4, worst, "|sum - 1| <= 1e-4", "Class probabilities"
                    + " sum to 1 within " + Html.number(worst) + " on every row."));
        }
        // the same batch twice: a different batch size may round differently inside BLAS, which is not a bug
        int k = Math.min(100, rows.rowCount());
        Table first = rows.select(IntStream.range(0, k).toArray());
        List<Prediction> once = model.predict(first);
        List<Prediction> again = model.predict(first);
        boolean same = IntStream.range(0, k).allMatch(i -> again.get(i).value() == once.get(i).value());
        checks.add(Check.of("sanity:deterministic", same, same ? "identical" : "different", "identical", same
                ? "The same " + k + " rows scored twice give identical outputs." : "Scoring the same rows twice gave"
                + " different outputs."));
        return checks;
    }

    /** Changes one column in every row and measures how far the predictions move. */
    static Check invariance(PackagedModel model, Table rows, List<Prediction> predictions, TestSuite.Invariance inv,
                            Path dataFile) {
        int c = rows.columnIndex(inv.column());
        if (c < 0) {
            throw InvalidInputException.in(dataFile, "invariance column '" + inv.column() + "' is not in the data");
        }
        double[] x = Columns.numbers(rows, c);
        boolean numeric = x.length > 0;
        double sd = numeric ? Moments.of(x).stddev() : 0;
        List<String> categories = new ArrayList<>(new TreeMap<>(Columns.counts(rows, c)).keySet());
        Table perturbed = rows.withColumn(c, r -> {
            String v = rows.value(r, c);
            if (numeric && v != null && FieldType.parseDouble(v) != null) {
                return String.valueOf(FieldType.parseDouble(v) + sd);
            }
            return !numeric && categories.size() > 1 ? categories.get((categories.indexOf(v) + 1) % categories.size()) : v;
        });
        List<Prediction> after = model.predict(perturbed);
        double worst = 0;
        for (int r = 0; r < after.size(); r++) {
            double delta = model.info().task() == Task.CLASSIFICATION
                    ? maxAbsDiff(after.get(r).probabilities(), predictions.get(r).probabilities())
                    : Math.abs(after.get(r).value() - predictions.get(r).value()) / Math.max(1e-12,
                    model.preprocessor().targetScale());
            worst = Math.max(worst, delta);
        }
        boolean ok = worst <= inv.epsilon();
        return Check.of("invariance:" + inv.column(), ok, worst, "<= " + inv.epsilon(), "Changing '" + inv.column() + "' ("
                + (numeric ? "+1 standard deviation" : "to another category") + ") moved predictions by at most "
                + Html.number(worst) + (model.info().task() == Task.CLASSIFICATION ? " in probability" : " target sd")
                + " over " + rows.rowCount() + " rows.");
    }

    /** Raises one column by a standard deviation in every row; counts rows whose score moves the wrong way. */
    static Check directional(PackagedModel model, Table rows, List<Prediction> before, TestSuite.Directional d,
                             Path dataFile) {
        int c = rows.columnIndex(d.column());
        double[] x = c < 0 ? new double[0] : Columns.numbers(rows, c);
        if (x.length == 0) {
            throw InvalidInputException.in(dataFile, "directional column '" + d.column() + "' is not a numeric column");
        }
        double sd = Moments.of(x).stddev();
        int k = d.target() == null ? -1 : model.info().classes().indexOf(d.target());
        if (d.target() != null && k < 0) {
            throw new InvalidInputException("directional target '" + d.target() + "' is not a class of the model "
                    + model.info().classes());
        }
        List<Prediction> after = model.predict(rows.withColumn(c, r -> {
            Double v = rows.value(r, c) == null ? null : FieldType.parseDouble(rows.value(r, c));
            return v == null ? rows.value(r, c) : String.valueOf(v + sd);
        }));
        int wrong = 0;
        for (int r = 0; r < after.size(); r++) {
            double b = k < 0 ? before.get(r).value() : before.get(r).probabilities()[k];
            double a = k < 0 ? after.get(r).value() : after.get(r).probabilities()[k];
            if ("up".equals(d.direction()) ? a < b - 1e-6 : a > b + 1e-6) {
                wrong++;
            }
        }
        String score = k < 0 ? "the prediction" : "P(" + d.target() + ")";
        return Check.of("directional:" + d.column(), wrong == 0, wrong, "0 rows", "Raising '" + d.column() + "' by one"
                + " standard deviation (" + Html.number(sd) + ") moved " + score + " " + ("up".equals(d.direction())
                ? "down" : "up") + " in " + wrong + " of " + after.size() + " rows; it should only go " + d.direction()
                + ".");
    }

    static Check minimumFunctionality(PackagedModel model, TestSuite.Case c) {
        Preprocessor pre = model.preprocessor();
        String[] row = new String[pre.features().size()];
        for (int i = 0; i < row.length; i++) {
            Object v = c.row().get(pre.features().get(i).name());
            row[i] = v == null ? null : String.valueOf(v);
        }
        Prediction p = model.predict(List.<String[]>of(row)).get(0);
        String name = "case:" + (c.name() == null ? c.row().toString() : c.name());
        if (c.expect() != null) {
            boolean ok = c.expect().equals(p.label());
            return Check.of(name, ok, p.label(), c.expect(), "The model says " + p.label() + " (p=" + Html.number(p.value())
                    + ") for " + c.row() + (ok ? "." : ", expected " + c.expect() + "."));
        }
        boolean ok = (c.min() == null || p.value() >= c.min()) && (c.max() == null || p.value() <= c.max());
        return Check.of(name, ok, p.value(), "in [" + c.min() + ", " + c.max() + "]", "The model predicts "
                + Html.number(p.value()) + " for " + c.row() + ".");
    }

    /** The largest metric gap between groups with enough rows to compare. */
    static Check fairness(TestSuite suite, Table rows, Scoring scoring, List<Prediction> predictions, Preprocessor pre,
                          Path dataFile) {
        TestSuite.Fairness f = suite.fairness();
        int c = rows.columnIndex(f.column());
        if (c < 0) {
            throw InvalidInputException.in(dataFile, "fairness column '" + f.column() + "' is not in the data");
        }
        String metric = f.metric() != null ? f.metric() : pre.task() == Task.CLASSIFICATION ? "accuracy" : "mae";
        int minSize = suite.slices() != null && suite.slices().minSize() != null ? suite.slices().minSize()
                : DEFAULT_MIN_SLICE;
        Map<String, Double> byGroup = new LinkedHashMap<>();
        groups(rows, c).forEach((group, members) -> {
            if (members.length >= minSize) {
                byGroup.put(group, scoring.metric(metric, members, predictions));
            }
        });
        if (byGroup.size() < 2) {
            return new Check("fairness:" + f.column(), CheckStatus.INSUFFICIENT_DATA, byGroup.size(), ">= 2 groups of "
                    + minSize + " rows", "Fewer than two groups of '" + f.column() + "' have " + minSize + " rows.");
        }
        double max = byGroup.values().stream().mapToDouble(Double::doubleValue).max().orElseThrow();
        double min = byGroup.values().stream().mapToDouble(Double::doubleValue).min().orElseThrow();
        double gap = max - min;
        return Check.of("fairness:" + f.column(), gap <= f.maxGap(), gap, "<= " + f.maxGap(), "Largest " + metric
                + " gap between groups of '" + f.column() + "': " + Html.number(gap) + " " + byGroup + ".");
    }

    private static double maxAbsDiff(double[] a, double[] b) {
        double m = 0;
        for (int i = 0; i < a.length; i++) {
            m = Math.max(m, Math.abs(a[i] - b[i]));
        }
        return m;
    }

    /** Drop of the headline metric when one input column is shuffled (seeded), per column. */
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
                            + " (the " + top.size() + " most important of " + importance.size() + " inputs; all in"
                            + " test.json); larger: the model leans on it more.");
        }
        return report;
    }
}
