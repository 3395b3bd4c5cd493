package io.jenkins.plugins.mlops.data;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/** Column values of a table held in memory: numbers for numeric columns, counts for the others. */
public final class Columns {
    private Columns() {
    }

    /** Numeric values of a column, missing and unparseable values skipped. */
    public static double[] numbers(Table table, int column) {
        double[] out = new double[table.rowCount()];
        int n = 0;
        for (int r = 0; r < table.rowCount(); r++) {
            String v = table.value(r, column);
            Double d = v == null ? null : NumberText.parseDouble(v);
            if (d != null && !d.isNaN()) {
                out[n++] = d;
            }
        }
        return Arrays.copyOf(out, n);
    }

    /** Counts of each non-missing value. */
    public static Map<String, Long> counts(Table table, int column) {
        Map<String, Long> counts = new HashMap<>();
        for (int r = 0; r < table.rowCount(); r++) {
            String v = table.value(r, column);
            if (v != null) {
                counts.merge(v, 1L, Long::sum);
            }
        }
        return counts;
    }
}
