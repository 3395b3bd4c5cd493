package io.jenkins.plugins.mlops.data;

import java.util.Arrays;
import java.util.List;

/**
 * A table built a row at a time into typed columns: what a streaming step keeps of every row (a label, the
 * columns a slice is cut by) costs a code or a double per row, never a String.
 */
public final class TableBuilder {
    private final String source;
    private final List<String> columns;
    private final ColumnBuilder[] builders;
    private long[] lines = new long[64];
    private int rows;

    public TableBuilder(String source, List<String> columns) {
        this.source = source;
        this.columns = List.copyOf(columns);
        builders = new ColumnBuilder[columns.size()];
        for (int c = 0; c < builders.length; c++) {
            builders[c] = new ColumnBuilder();
        }
    }

    /** One row: a value per column ({@code null} when missing) and the line it was read from. */
    public void add(String[] values, long line) {
        for (int c = 0; c < builders.length; c++) {
            builders[c].add(values[c]);
        }
        if (rows == lines.length) {
            lines = Arrays.copyOf(lines, rows * 2);
        }
        lines[rows++] = line;
    }

    public int rows() {
        return rows;
    }

    public Table build() {
        TypedColumn[] built = new TypedColumn[builders.length];
        for (int c = 0; c < built.length; c++) {
            built[c] = builders[c].build();
        }
        return new Table(source, columns, built, Arrays.copyOf(lines, rows), List.of());
    }
}
