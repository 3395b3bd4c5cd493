package io.jenkins.plugins.mlops.validation;

import io.jenkins.plugins.mlops.data.Columns;
import io.jenkins.plugins.mlops.data.Table;
import io.jenkins.plugins.mlops.report.Html;
import io.jenkins.plugins.mlops.report.HtmlReport;
import io.jenkins.plugins.mlops.report.HtmlTable;
import io.jenkins.plugins.mlops.report.Svg;
import io.jenkins.plugins.mlops.schema.Field;
import io.jenkins.plugins.mlops.schema.FieldType;
import io.jenkins.plugins.mlops.schema.Schema;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The exploratory part of the validation report, computed on the row sample so that its cost
 * does not grow with the file: label distribution, correlations between numeric columns, and the
 * columns most associated with the label.
 *
 * @param correlations Pearson correlations of numeric columns (pairwise complete rows)
 * @param associations per column, its association with the label: |Pearson r| (numeric with numeric),
 *     the correlation ratio η (numeric with categorical), or Cramér's V (categorical with categorical)
 */
public record Exploration(int sampleRows, String label, Map<String, Long> labelDistribution, List<String> numericColumns,
                          double[][] correlations, List<Association> associations) {
    static final int MAX_CORRELATION_COLUMNS = 24;
    static final int MAX_CATEGORIES = 50;

    public record Association(String column, String measure, double value) {
    }

    public static Exploration of(Table sample, Schema schema, String label) {
        List<String> numeric = new ArrayList<>();
        for (String column : sample.columns()) {
            Field f = schema.field(column).orElse(null);
            if (f != null && f.type().isNumeric() && !column.equals(label) && numeric.size() < MAX_CORRELATION_COLUMNS) {
                numeric.add(column);
            }
        }
        double[][] values = new double[numeric.size()][];
        for (int i = 0; i < values.length; i++) {
            values[i] = numbersWithGaps(sample, sample.columnIndex(numeric.get(i)));
        }
        double[][] r = new double[numeric.size()][numeric.size()];
        for (int i = 0; i < r.length; i++) {
            for (int j = 0; j < r.length; j++) {
                r[i][j] = i == j ? 1 : j < i ? r[j][i] : pearson(values[i], values[j]);
            }
        }
        Map<String, Long> labelDistribution = null;
        List<Association> associations = new ArrayList<>();
        int y = label == null ? -1 : sample.columnIndex(label);
        if (y >= 0) {
            boolean numericLabel = schema.field(label).map(f -> f.type().isNumeric()).orElse(false);
            if (!numericLabel) {
                Map<String, Long> distribution = new LinkedHashMap<>();
                Columns.counts(sample, y).entrySet().stream()
                        .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                        .forEach(e -> distribution.put(e.getKey(), e.getValue()));
                labelDistribution = distribution;
            }
            double[] yNumbers = numericLabel ? numbersWithGaps(sample, y) : null;
            for (String column : sample.columns()) {
                if (column.equals(label)) {
                    continue;
                }
                int c = sample.columnIndex(column);
                boolean numericColumn = schema.field(column).map(f -> f.type().isNumeric()).orElse(false);
                Association a;
                if (numericColumn && numericLabel) {
                    a = new Association(column, "|pearson r|", Math.abs(pearson(numbersWithGaps(sample, c), yNumbers)));
                } else if (numericColumn) {
                    a = new Association(column, "eta", eta(numbersWithGaps(sample, c), sample, y));
                } else if (numericLabel) {
                    a = new Association(column, "eta", eta(yNumbers, sample, c));
                } else {
                    a = new Association(column, "cramers V", cramersV(sample, c, y));
                }
                if (Double.isFinite(a.value())) {
                    associations.add(a);
                }
            }
            associations.sort(Comparator.comparingDouble(Association::value).reversed());
        }
        return new Exploration(sample.rowCount(), y >= 0 ? label : null, labelDistribution, numeric, r, associations);
    }

    private static double[] numbersWithGaps(Table t, int c) {
        double[] x = new double[t.rowCount()];
        for (int r = 0; r < x.length; r++) {
            String v = t.value(r, c);
            Double d = v == null ? null : FieldType.parseDouble(v);
            x[r] = d == null || !Double.isFinite(d) ? Double.NaN : d;
        }
        return x;
    }

    static double pearson(double[] a, double[] b) {
        double n = 0;
        double ma = 0;
        double mb = 0;
        double sab = 0;
        double saa = 0;
        double sbb = 0;
        for (int i = 0; i < a.length; i++) {
            if (Double.isNaN(a[i]) || Double.isNaN(b[i])) {
                continue;
            }
            n++;
            double da = a[i] - ma;
            double db = b[i] - mb;
            ma += da / n;
            mb += db / n;
            sab += da * (b[i] - mb);
            saa += da * (a[i] - ma);
            sbb += db * (b[i] - mb);
        }
        return n < 3 || saa == 0 || sbb == 0 ? Double.NaN : sab / Math.sqrt(saa * sbb);
    }

    /** Correlation ratio: the share of the variance of x explained by the groups of a categorical column. */
    static double eta(double[] x, Table t, int groupColumn) {
        Map<String, double[]> groups = new HashMap<>();
        double total = 0;
        double n = 0;
        for (int r = 0; r < x.length; r++) {
            String g = t.value(r, groupColumn);
            if (g == null || Double.isNaN(x[r])) {
                continue;
            }
            double[] s = groups.computeIfAbsent(g, k -> new double[2]);
            s[0] += x[r];
            s[1]++;
            total += x[r];
            n++;
        }
        if (n < 3 || groups.size() < 2 || groups.size() > MAX_CATEGORIES) {
            return Double.NaN;
        }
        double mean = total / n;
        double between = 0;
        for (double[] s : groups.values()) {
            double gm = s[0] / s[1];
            between += s[1] * (gm - mean) * (gm - mean);
        }
        double within = 0;
        for (int r = 0; r < x.length; r++) {
            if (t.value(r, groupColumn) != null && !Double.isNaN(x[r])) {
                within += (x[r] - mean) * (x[r] - mean);
            }
        }
        return within == 0 ? Double.NaN : Math.sqrt(between / within);
    }

    static double cramersV(Table t, int a, int b) {
        Map<String, Map<String, Long>> table = new HashMap<>();
        Map<String, Long> rows = new HashMap<>();
        Map<String, Long> cols = new HashMap<>();
        long n = 0;
        for (int r = 0; r < t.rowCount(); r++) {
            String x = t.value(r, a);
            String y = t.value(r, b);
            if (x == null || y == null) {
                continue;
            }
            table.computeIfAbsent(x, k -> new HashMap<>()).merge(y, 1L, Long::sum);
            rows.merge(x, 1L, Long::sum);
            cols.merge(y, 1L, Long::sum);
            n++;
        }
        if (n == 0 || rows.size() < 2 || cols.size() < 2 || rows.size() > MAX_CATEGORIES) {
            return Double.NaN;
        }
        double chi2 = 0;
        for (Map.Entry<String, Long> x : rows.entrySet()) {
            for (Map.Entry<String, Long> y : cols.entrySet()) {
                double expected = (double) x.getValue() * y.getValue() / n;
                double observed = table.get(x.getKey()).getOrDefault(y.getKey(), 0L);
                chi2 += (observed - expected) * (observed - expected) / expected;
            }
        }
        return Math.sqrt(chi2 / (n * (Math.min(rows.size(), cols.size()) - 1)));
    }

    void render(HtmlReport report) {
        report.section("Exploration (on a sample of " + sampleRows + " rows)");
        if (labelDistribution != null) {
            report.figure(Svg.bars(new ArrayList<>(labelDistribution.keySet()),
                    labelDistribution.values().stream().mapToDouble(Long::doubleValue).toArray(), "Label distribution"),
                    "Label '" + label + "': rows per class.");
        }
        if (!associations.isEmpty()) {
            List<Association> top = associations.subList(0, Math.min(10, associations.size()));
            report.figure(Svg.bars(top.stream().map(a -> a.column() + " (" + a.measure() + ")").toList(),
                    top.stream().mapToDouble(Association::value).toArray(), "Association with the label"),
                    "Columns most associated with '" + label + "' (0 = none, 1 = determined).");
        }
        if (numericColumns.size() >= 2) {
            report.figure(Svg.correlations(numericColumns, correlations, "Correlations of numeric columns"),
                    "Pearson correlation of numeric columns: blue positive, red negative.");
            List<String[]> pairs = new ArrayList<>();
            for (int i = 0; i < correlations.length; i++) {
                for (int j = i + 1; j < correlations.length; j++) {
                    if (Double.isFinite(correlations[i][j])) {
                        pairs.add(new String[] {numericColumns.get(i), numericColumns.get(j),
                            Html.number(correlations[i][j])});
                    }
                }
            }
            pairs.sort(Comparator.comparingDouble((String[] p) -> -Math.abs(Double.parseDouble(p[2]))));
            HtmlTable table = new HtmlTable("Column", "Column",
                    "Pearson r");
            pairs.stream().limit(8).forEach(p -> table.row(p[0], p[1], p[2]));
            report.table(table);
        }
    }
}
