package io.jenkins.plugins.mlops.adapter;

import java.io.Serializable;
import java.util.Map;

/**
 * What a step returns to the Pipeline script ({@code def r = validateData(...); echo r.status}):
 * plain, serialisable data, because a Pipeline keeps its variables across a controller restart.
 *
 * @param step the engine step ({@code validate}, {@code train}, ...)
 * @param status {@code PASSED}, {@code FAILED}, {@code NEEDS_APPROVAL} or {@code ERROR}
 * @param exitCode the engine's exit code (0, 1 or 2)
 * @param reportDir the step's output folder, relative to the workspace
 * @param buildResult what the build becomes ({@code SUCCESS} leaves it as it is)
 * @param metrics the numbers worth a trend (accuracy, drifted share, ...)
 */
public record StepOutcome(String step, String status, String summary, int exitCode, String reportDir,
                          String buildResult, Map<String, Double> metrics) implements Serializable {
    private static final long serialVersionUID = 1L;

    /** Groovy reads {@code r.status}, {@code r.summary}, ... through these bean getters. */
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

    public Map<String, Double> getMetrics() {
        return metrics;
    }

    public boolean isPassed() {
        return "PASSED".equals(status);
    }
}
