package io.jenkins.plugins.mlops.evaluation;

import io.jenkins.plugins.mlops.contract.Check;
import io.jenkins.plugins.mlops.contract.InvalidInputException;
import io.jenkins.plugins.mlops.contract.StepResult;
import io.jenkins.plugins.mlops.data.Table;
import io.jenkins.plugins.mlops.model.PackagedModel;
import io.jenkins.plugins.mlops.model.Preprocessor;
import io.jenkins.plugins.mlops.model.Task;
import io.jenkins.plugins.mlops.report.Html;
import io.jenkins.plugins.mlops.report.HtmlReport;
import io.jenkins.plugins.mlops.report.StepOutputWriter;
import io.jenkins.plugins.mlops.report.Svg;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The {@code test} step: scores labelled rows with a packaged model and holds metrics to thresholds. */
public final class ModelTestStep {
    public static final String STEP = "test";

    private ModelTestStep() {
    }

    public static StepResult run(PackagedModel model, Table data, Path dataFile, TestSuite suite, Path outDir) {
        Preprocessor pre = model.preprocessor();
        int labelColumn = data.columnIndex(pre.label());
        if (labelColumn < 0) {
            throw InvalidInputException.at(dataFile, 1, 0, "label column '" + pre.label() + "' is not in the data"
                    + " (columns: " + data.columns() + ")");
        }
        Table labelled = data.filter(r -> data.value(r, labelColumn) != null);
        if (labelled.rowCount() == 0) {
            throw InvalidInputException.in(dataFile, "no rows with a value in label column '" + pre.label() + "'");
        }
        Evaluation evaluation = Evaluation.of(pre, model.predict(labelled), labelled, dataFile);
        Map<String, Double> metrics = evaluation.metrics();
        long[][] confusion = evaluation.confusion();
        List<Check> checks = new ArrayList<>();
        for (Map.Entry<String, TestSuite.Bound> e : suite.metrics().entrySet()) {
            double value = metrics.get(e.getKey());
            boolean ok = e.getValue().holds(value);
            checks.add(Check.of(e.getKey(), ok, value, e.getValue().describe(), e.getKey() + " = " + Html.number(value)
                    + " on " + labelled.rowCount() + " rows " + (ok ? "meets" : "misses") + " the threshold "
                    + e.getValue().describe() + "."));
        }
        List<String> failing = checks.stream().filter(c -> c.status() != io.jenkins.plugins.mlops.contract.CheckStatus.PASSED)
                .map(Check::name).toList();
        String headline = pre.task() == Task.CLASSIFICATION
                ? "accuracy " + Html.number(metrics.get("accuracy")) + ", macro-F1 " + Html.number(metrics.get("macroF1"))
                : "RMSE " + Html.number(metrics.get("rmse")) + ", MAE " + Html.number(metrics.get("mae")) + ", R² "
                + Html.number(metrics.get("r2"));
        String summary = "Model " + model.info().name() + " on " + labelled.rowCount() + " labelled rows of "
                + dataFile.getFileName() + ": " + headline + (failing.isEmpty() ? "; all thresholds met."
                : "; failing: " + String.join(", ", failing) + ".");
        Map<String, Object> confusionSection = new LinkedHashMap<>();
        StepResult result = StepResult.fromChecks(STEP, summary, checks)
                .with("model", model.info().name())
                .with("modelDigest", model.digest())
                .with("rows", labelled.rowCount())
                .with("metrics", metrics);
        if (confusion != null) {
            confusionSection.put("labels", pre.classes());
            confusionSection.put("matrix", confusion);
            result.with("confusionMatrix", confusionSection);
        }
        HtmlReport report = HtmlReport.forResult("Model test", result);
        report.section("Metrics");
        io.jenkins.plugins.mlops.report.Table table = new io.jenkins.plugins.mlops.report.Table("Metric", "Value");
        metrics.forEach(table::row);
        report.table(table);
        if (confusion != null) {
            report.section("Confusion matrix")
                    .figure(Svg.heatmap(pre.classes(), confusion, "Confusion matrix"),
                            "Rows: actual class; columns: predicted class; " + labelled.rowCount() + " rows.");
        }
        StepOutputWriter.write(outDir, result, report);
        return result;
    }
}
