package io.jenkins.plugins.mlops.evaluation;

import io.jenkins.plugins.mlops.contract.Check;
import io.jenkins.plugins.mlops.contract.CheckStatus;
import io.jenkins.plugins.mlops.contract.InvalidInputException;
import io.jenkins.plugins.mlops.data.Columns;
import io.jenkins.plugins.mlops.data.Table;
import io.jenkins.plugins.mlops.model.Prediction;
import io.jenkins.plugins.mlops.model.Preprocessor;
import io.jenkins.plugins.mlops.model.Task;
import io.jenkins.plugins.mlops.report.Html;
import io.jenkins.plugins.mlops.schema.FieldType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.IntStream;

/** The metric per slice (a category, or a quartile of a numeric column): INSUFFICIENT_DATA below the minimum size, else held to the baseline or the bound; the rows go to the {@code slices} section. */
final class SlicePerformance implements ModelTest {
    @Override
    public boolean requested(Run run) {
        return run.suite().slices() != null;
    }

    @Override
    public List<Check> checks(Run run, Map<String, Object> sections) {
        List<Map<String, Object>> table = new ArrayList<>();
        List<Check> checks = slices(run.suite(), run.rows(), run.scoring(), run.predictions(), run.baselinePredictions(),
                run.model().preprocessor(), table);
        sections.put("slices", table);
        return checks;
    }

    static final int DEFAULT_MIN_SLICE = 30;

    /** Per slice: INSUFFICIENT_DATA below the minimum size, else a CI-based comparison. */
    private static List<Check> slices(TestSuite suite, Table rows, Scoring scoring, List<Prediction> predictions,
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
                    check = BaselineComparison.compare(name, metric, members, scoring, predictions, baseline, new TestSuite.Change(maxDrop,
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
}
