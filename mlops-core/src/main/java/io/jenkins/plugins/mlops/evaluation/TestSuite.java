package io.jenkins.plugins.mlops.evaluation;

import io.jenkins.plugins.mlops.contract.InvalidInputException;
import io.jenkins.plugins.mlops.contract.Json;
import io.jenkins.plugins.mlops.model.Task;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Metric thresholds of the model test step, read from YAML:
 * <pre>
 * metrics:
 *   accuracy: {min: 0.90}
 *   rmse: {max: 55}
 * </pre>
 */
public record TestSuite(Map<String, Bound> metrics) {
    /** An absolute bound; either side may be absent. */
    public record Bound(Double min, Double max) {
        public boolean holds(double value) {
            return (min == null || value >= min) && (max == null || value <= max);
        }

        public String describe() {
            if (min != null && max != null) {
                return "in [" + min + ", " + max + "]";
            }
            return min != null ? ">= " + min : "<= " + max;
        }
    }

    public static final Set<String> CLASSIFICATION_METRICS = Set.of("accuracy", "macroF1");
    public static final Set<String> REGRESSION_METRICS = Set.of("rmse", "mae", "r2");

    /**
     * Used when no suite is given: a floor that any useful model clears, so that a broken model
     * (e.g. one that predicts a single class) fails even without a suite.
     */
    public static TestSuite defaults(Task task) {
        Map<String, Bound> m = new LinkedHashMap<>();
        if (task == Task.CLASSIFICATION) {
            m.put("accuracy", new Bound(0.8, null));
            m.put("macroF1", new Bound(0.7, null));
        } else {
            m.put("r2", new Bound(0.3, null));
        }
        return new TestSuite(m);
    }

    public static TestSuite read(Path file, Task task) {
        TestSuite suite = Json.readYaml(file, TestSuite.class);
        if (suite.metrics() == null || suite.metrics().isEmpty()) {
            throw InvalidInputException.in(file, "the suite has no 'metrics' thresholds");
        }
        Set<String> known = task == Task.CLASSIFICATION ? CLASSIFICATION_METRICS : REGRESSION_METRICS;
        for (Map.Entry<String, Bound> e : suite.metrics().entrySet()) {
            if (!known.contains(e.getKey())) {
                throw InvalidInputException.in(file, "unknown metric '" + e.getKey() + "' for a " + task.jsonName()
                        + " model (known: " + known + ")");
            }
            if (e.getValue() == null || e.getValue().min() == null && e.getValue().max() == null) {
                throw InvalidInputException.in(file, "metric '" + e.getKey() + "' needs 'min' or 'max'");
            }
        }
        return suite;
    }
}
