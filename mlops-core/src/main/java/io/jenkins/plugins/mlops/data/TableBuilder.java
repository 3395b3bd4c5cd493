package io.jenkins.plugins.mlops.data;

import java.util.List;

/**
 * A table built a row at a time into typed columns: what a streaming step keeps of every row (a label, the
 * columns a slice is cut by) costs a code or a double per row, never a String.
 */
public final class TableBuilder {
    private final String source;
    private final List<String> columns;
    private final CsvReader.ChunkColumns rows;

    public TableBuilder(String source, List<String> columns) {
        this.source = source;
        this.columns = List.copyOf(columns);
        rows = new CsvReader.ChunkColumns(columns.size());
    }

    /** One row: a value per column ({@code null} when missing) and the line it was read from. */
    public void add(String[] values, long line) {
        rows.beginRow(line);
        for (int c = 0; c < values.length; c++) {
            rows.columns[c].add(values[c]);
        }
        rows.endRow(null, values.length);
    }

    public int rows() {
        return rows.rows;
    }

    public Table build() {
        return rows.table(source, columns, List.of());
    }
}
