package io.jenkins.plugins.mlops.data;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * Reads a whole CSV file into a columnar {@link Table}, for the steps that need every row at once
 * (training, model tests); the streaming steps use {@link CsvScanner} directly. Chunks are read in
 * parallel straight into typed columns: no String per numeric value, one per distinct text value.
 */
public final class CsvReader {
    private final MissingValues missing;
    private final boolean allowShortRows;
    private final int threads;

    /**
     * @param allowShortRows read a row with fewer fields than the header as if the trailing fields
     *     were empty (some exporters omit them), instead of rejecting the file
     */
    public CsvReader(MissingValues missing, boolean allowShortRows) {
        this.missing = missing;
        this.allowShortRows = allowShortRows;
        this.threads = Runtime.getRuntime().availableProcessors();
    }

    public CsvReader() {
        this(MissingValues.DEFAULT, false);
    }

    /** Columns of one chunk, with each row's line. */
    static final class ChunkColumns implements FieldSink<ChunkColumns> {
        final ColumnBuilder[] columns;
        long[] lines = new long[64];
        int rows;
        private long line;

        ChunkColumns(int width) {
            columns = new ColumnBuilder[width];
            for (int c = 0; c < width; c++) {
                columns[c] = new ColumnBuilder();
            }
        }

        @Override
        public boolean beginRow(long line) {
            this.line = line;
            return false;
        }

        @Override
        public void field(int c, char[] buf, int offset, int len, boolean missing) {
            if (missing) {
                columns[c].addMissing();
            } else {
                columns[c].add(buf, offset, len);
            }
        }

        @Override
        public void endRow(CsvRow row, int fields) {
            for (int c = fields; c < columns.length; c++) {
                columns[c].addMissing();
            }
            if (rows == lines.length) {
                lines = Arrays.copyOf(lines, rows * 2);
            }
            lines[rows++] = line;
        }

        @Override
        public void merge(ChunkColumns later) {
            for (int c = 0; c < columns.length; c++) {
                columns[c].append(later.columns[c]);
            }
            lines = Arrays.copyOf(lines, Math.max(lines.length, rows + later.rows));
            System.arraycopy(later.lines, 0, lines, rows, later.rows);
            rows += later.rows;
        }

        Table table(String source, List<String> names, List<Long> shortRowLines) {
            TypedColumn[] built = new TypedColumn[columns.length];
            for (int c = 0; c < built.length; c++) {
                built[c] = columns[c].build();
            }
            return new Table(source, names, built, Arrays.copyOf(lines, rows), shortRowLines);
        }
    }

    public Table read(Path file) {
        CsvScanner.Result<ChunkColumns> result = new CsvScanner(missing, allowShortRows, threads)
                .scan(file, names -> new ChunkColumns(names.size()));
        return result.sink().table(file.getFileName().toString(), result.columns(), result.shortRowLines());
    }
}
