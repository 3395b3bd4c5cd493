package io.jenkins.plugins.mlops.evaluation;

import io.jenkins.plugins.mlops.contract.InvalidInputException;
import io.jenkins.plugins.mlops.contract.Json;
import io.jenkins.plugins.mlops.model.Task;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The model test suite (YAML; every key documented in {@code plugin-docs/test-suite.md}):
 * <pre>
 * metrics:   {accuracy: {min: 0.90}}                  # absolute bounds
 * baseline:  {accuracy: {maxDrop: 0.01}}              # change versus --baseline, with a bootstrap CI
 * slices:    {by: [island, body_mass_g], minSize: 30, maxDrop: 0.05}
 * sanity:    true                                     # finite outputs, probabilities sum to 1, same input same output
 * invariance: [{column: year, epsilon: 0.05}]         # changing an irrelevant column barely moves predictions
 * latency:   {p99Ms: 50, minRowsPerSecond: 1000}
 * importance: true                                    # permutation importance on the test rows
 * </pre>
 */
public record TestSuite(Map<String, Bound> metrics, Map<String, Change> baseline, Slices slices, Boolean sanity,
                        List<Invariance> invariance, Latency latency, Boolean importance, List<Directional> directional,
                        List<Case> cases, Fairness fairness) {

    public TestSuite(Map<String, Bound> metrics, Map<String, Change> baseline, Slices slices, Boolean sanity,
                     List<Invariance> invariance, Latency latency, Boolean importance) {
        this(metrics, baseline, slices, sanity, invariance, latency, importance, null, null, null);
    }

    /**
     * Raising {@code column} by one standard deviation must not lower (direction {@code up}) or
     * raise ({@code down}) the score: the probability of {@code target} class, or the regression value.
     */
    public record Directional(String column, String direction, String target) {
    }

    /** A minimum-functionality case: a row that must get {@code expect} (a class, or a value within [min, max]). */
    public record Case(String name, Map<String, Object> row, String expect, Double min, Double max) {
    }

    /** The largest gap of {@code metric} between the groups of {@code column} (groups of at least 30 rows). */
    public record Fairness(String column, String metric, Double maxGap) {
    }
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

    /**
     * How much worse than the baseline a metric may get: {@code maxDrop} in the metric's units, or
     * a share of the baseline's value with {@code relative: true}. "Worse" follows the metric's
     * direction (lower RMSE is better).
     */
    public record Change(Double maxDrop, Boolean relative) {
    }

    /**
     * @param by columns to slice by: each category of a text column, or the quartiles of a numeric one
     * @param minSize fewer rows gives INSUFFICIENT_DATA for that slice, never a pass or a failure
     * @param maxDrop the largest drop of the slice's metric versus the baseline (or below the
     *     absolute bound without a baseline) that its confidence interval may show
     * @param metric accuracy (classification) or mae (regression) by default
     */
    public record Slices(List<String> by, Integer minSize, Double maxDrop, String metric) {
    }

    /** Changing {@code column} (numbers by one standard deviation, categories to another one) moves predictions by at most {@code epsilon}. */
    public record Invariance(String column, Double epsilon) {
    }

    /** @param maxSlowdown the largest ratio of this model's p99 to the baseline's (with --baseline) */
    public record Latency(Double p99Ms, Double minRowsPerSecond, Double maxSlowdown) {
    }

    public static final Set<String> CLASSIFICATION_METRICS = Set.of("accuracy", "macroF1");
    public static final Set<String> REGRESSION_METRICS = Set.of("rmse", "mae", "r2");
    /** Metrics where lower is better. */
    static final Set<String> LOWER_IS_BETTER = Set.of("rmse", "mae");

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
        return new TestSuite(m, null, null, true, null, null, true);
    }

    /**
     * This suite comparing with the package's own linear baseline (the ML Test Score's "a simpler model is not
     * better"): the headline metric may not be worse than the baseline's beyond its paired bootstrap interval.
     */
    TestSuite simplerModelNotBetter(Task task) {
        return new TestSuite(metrics, Map.of(task == Task.CLASSIFICATION ? "accuracy" : "r2", new Change(0.0, false)),
                slices, sanity, invariance, latency, importance, directional, cases, fairness);
    }

    public static TestSuite read(Path file, Task task) {
        TestSuite suite = Json.readYaml(file, TestSuite.class);
        Set<String> known = task == Task.CLASSIFICATION ? CLASSIFICATION_METRICS : REGRESSION_METRICS;
        Map<String, Bound> metrics = suite.metrics() == null ? Map.of() : suite.metrics();
        for (Map.Entry<String, Bound> e : metrics.entrySet()) {
            if (!known.contains(e.getKey())) {
                throw InvalidInputException.in(file, "unknown metric '" + e.getKey() + "' for a " + task.jsonName()
                        + " model (known: " + known + ")");
            }
            if (e.getValue() == null || e.getValue().min() == null && e.getValue().max() == null) {
                throw InvalidInputException.in(file, "metric '" + e.getKey() + "' needs 'min' or 'max'");
            }
        }
        if (suite.baseline() != null) {
            suite.baseline().forEach((metric, change) -> {
                if (!known.contains(metric)) {
                    throw InvalidInputException.in(file, "'baseline." + metric + "' is not a metric of a " + task.jsonName()
                            + " model (known: " + known + ")");
                }
                if (change == null || change.maxDrop() == null || change.maxDrop() < 0) {
                    throw InvalidInputException.in(file, "'baseline." + metric + ".maxDrop' must be 0 or more");
                }
            });
        }
        if (suite.slices() != null) {
            Slices s = suite.slices();
            if (s.by() == null || s.by().isEmpty()) {
                throw InvalidInputException.in(file, "'slices.by' must name at least one column");
            }
            if (s.minSize() != null && s.minSize() < 1 || s.maxDrop() != null && s.maxDrop() < 0) {
                throw InvalidInputException.in(file, "'slices.minSize' must be >= 1 and 'slices.maxDrop' >= 0");
            }
            if (s.metric() != null && !Set.of("accuracy", "mae").contains(s.metric())) {
                throw InvalidInputException.in(file, "'slices.metric' must be accuracy or mae");
            }
        }
        if (suite.invariance() != null) {
            for (Invariance i : suite.invariance()) {
                if (i.column() == null || i.epsilon() == null || i.epsilon() < 0) {
                    throw InvalidInputException.in(file, "each 'invariance' entry needs a column and an epsilon >= 0");
                }
            }
        }
        if (suite.directional() != null) {
            for (Directional d : suite.directional()) {
                if (d.column() == null || !Set.of("up", "down").contains(String.valueOf(d.direction()))) {
                    throw InvalidInputException.in(file, "each 'directional' entry needs a column and direction up or down");
                }
                if (task == Task.CLASSIFICATION && d.target() == null) {
                    throw InvalidInputException.in(file, "'directional' on a classifier needs 'target': the class whose"
                            + " probability should move");
                }
            }
        }
        if (suite.cases() != null) {
            for (Case c : suite.cases()) {
                if (c.row() == null || c.expect() == null && c.min() == null && c.max() == null) {
                    throw InvalidInputException.in(file, "each case needs a 'row' and 'expect' (or 'min'/'max')");
                }
            }
        }
        if (suite.fairness() != null && (suite.fairness().column() == null || suite.fairness().maxGap() == null)) {
            throw InvalidInputException.in(file, "'fairness' needs a column and a maxGap");
        }
        if (metrics.isEmpty() && suite.baseline() == null && suite.slices() == null && suite.invariance() == null
                && suite.latency() == null && suite.directional() == null && suite.cases() == null
                && suite.fairness() == null) {
            throw InvalidInputException.in(file, "the suite checks nothing: give metrics, baseline, slices, invariance,"
                    + " directional, cases, fairness or latency");
        }
        return suite;
    }
}
