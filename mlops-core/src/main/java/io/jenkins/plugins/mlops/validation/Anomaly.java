package io.jenkins.plugins.mlops.validation;

import io.jenkins.plugins.mlops.schema.Severity;
import java.util.List;

/**
 * One kind of problem in one column, with how often it occurred and up to five offending rows.
 *
 * @param column the column, or {@code null} for dataset-level anomalies
 * @param kind a stable identifier, e.g. {@code out_of_range}
 */
public record Anomaly(String column, String kind, Severity severity, long count, String message,
                      List<Example> examples) {

    /** An offending value and the file line it is on. */
    public record Example(long line, String value) {
    }
}
