package io.jenkins.plugins.mlops.adapter;

import io.jenkins.plugins.mlops.report.Html;
import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A step's outcome: what its build action keeps, and (as {@link #toScriptResult()}) what it returns
 * to the Pipeline script ({@code def r = validateData(...); echo r.status}): plain fields and a plain map, because a Pipeline serialises its
 * variables across a controller restart and Jenkins writes actions to {@code build.xml} with
 * XStream (neither copes well with records or the JDK's immutable collections).
 */
public final class StepOutcome implements Serializable {
    private static final long serialVersionUID = 1L;

    private final String step;
    private final String status;
    private final String summary;
    private final int exitCode;
    private final String reportDir;
    private final String buildResult;
    private final LinkedHashMap<String, Double> metrics;
    private final LinkedHashMap<String, String> details;

    /**
     * @param step the engine step's result name ({@code validation}, {@code train}, ...)
     * @param status {@code PASSED}, {@code FAILED}, {@code NEEDS_APPROVAL} or {@code ERROR}
     * @param exitCode the engine's exit code (0, 1 or 2)
     * @param reportDir the step's output folder, relative to the workspace
     * @param buildResult what the build becomes ({@code SUCCESS} leaves it as it is)
     * @param metrics the numbers worth a trend (accuracy, drifted share, ...)
     * @param details the result's other plain fields ({@code version} of a registered model, {@code approver}
     *     of a decision, ...)
     */
    public StepOutcome(String step, String status, String summary, int exitCode, String reportDir, String buildResult,
                       Map<String, Double> metrics, Map<String, String> details) {
        this.step = step;
        this.status = status;
        this.summary = summary;
        this.exitCode = exitCode;
        this.reportDir = reportDir;
        this.buildResult = buildResult;
        this.metrics = new LinkedHashMap<>(metrics);
        this.details = new LinkedHashMap<>(details);
    }

    public String getStep() {
        return step;
    }

    public String getStatus() {
        return status;
    }

    public String getSummary() {
        return summary;
    }

    public int getExitCode() {
        return exitCode;
    }

    public String getReportDir() {
        return reportDir;
    }

    public String getBuildResult() {
        return buildResult;
    }

    public Map<String, Double> getMetrics() {
        return metrics;
    }

    /** E.g. {@code r.details.version} after {@code registerModel}, {@code r.details.approver} after {@code approveModel}. */
    public Map<String, String> getDetails() {
        return details;
    }

    /** The numbers as a person reads them on the build page: counts as integers, others to four significant digits. */
    public Map<String, String> getDisplayMetrics() {
        Map<String, String> shown = new LinkedHashMap<>();
        metrics.forEach((name, value) -> shown.put(name, Html.number(value)));
        return shown;
    }

    public boolean isPassed() {
        return "PASSED".equals(status);
    }

    /**
     * What the step returns to the Pipeline script: the same fields as a plain map. Jenkinsfiles
     * run in the Groovy sandbox, which lets a script read a map's entries ({@code r.status},
     * {@code r.metrics.accuracy}, {@code r.details.version}) but would refuse every getter of a
     * class of ours that script-security has not been told about.
     */
    public LinkedHashMap<String, Object> toScriptResult() {
        LinkedHashMap<String, Object> result = new LinkedHashMap<>();
        result.put("step", step);
        result.put("status", status);
        result.put("passed", isPassed());
        result.put("summary", summary);
        result.put("exitCode", exitCode);
        result.put("reportDir", reportDir);
        result.put("buildResult", buildResult);
        result.put("metrics", new LinkedHashMap<>(metrics));
        result.put("details", new LinkedHashMap<>(details));
        return result;
    }
}
