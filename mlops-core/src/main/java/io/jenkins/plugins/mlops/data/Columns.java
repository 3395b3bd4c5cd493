package io.jenkins.plugins.mlops.data;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/** Column values of a table held in memory: numbers for numeric columns, counts for the others. */
public final class Columns {
    private Columns() {
    }

    /** Numeric values of a column, missing and unparseable values (and NaN) skipped. */
    public static double[] numbers(Table table, int column) {
        TypedColumn data = table.column(column);
        double[] out = new double[table.rowCount()];
        int n = 0;
        for (int r = 0; r < out.length; r++) {
            double d = data.number(r);
            if (!Double.isNaN(d)) {
                out[n++] = d;
            }
        }
        return Arrays.copyOf(out, n);
    }

    /** Counts of each non-missing value; a text column is counted by code, one String per distinct value. */
    public static Map<String, Long> counts(Table table, int column) {
        Map<String, Long> counts = new HashMap<>();
        if (table.column(column) instanceof TextColumn text) {
            long[] byCode = new long[text.distinctCount()];
            for (int r = 0; r < table.rowCount(); r++) {
                int code = text.code(r);
                if (code >= 0) {
                    byCode[code]++;
                }
            }
            for (int code = 0; code < byCode.length; code++) {
                if (byCode[code] > 0) {
                    counts.put(text.distinct(code), byCode[code]);
                }
            }
            return counts;
        }
        for (int r = 0; r < table.rowCount(); r++) {
            String v = table.value(r, column);
            if (v != null) {
                counts.merge(v, 1L, Long::sum);
            }
        }
        return counts;
    }
}
