package io.jenkins.plugins.mlops.data;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads a whole CSV file into a {@link Table}, for the steps that need every row at once
 * (training, model tests); the streaming steps use {@link CsvScanner} directly.
 */
public final class CsvReader {
    private final MissingValues missing;
    private final boolean allowShortRows;

    /**
     * @param allowShortRows read a row with fewer fields than the header as if the trailing fields
     *     were empty (some exporters omit them), instead of rejecting the file
     */
    public CsvReader(MissingValues missing, boolean allowShortRows) {
        this.missing = missing;
        this.allowShortRows = allowShortRows;
    }

    public CsvReader() {
        this(MissingValues.DEFAULT, false);
    }

    /** Collects rows in file order. */
    static final class Rows implements RowSink<Rows> {
        final List<String[]> rows = new ArrayList<>();
        long[] lines = new long[64];

        @Override
        public void accept(CsvRow row) {
            add(row.values(), row.line());
        }

        private void add(String[] values, long line) {
            if (rows.size() == lines.length) {
                lines = Arrays.copyOf(lines, lines.length * 2);
            }
            lines[rows.size()] = line;
            rows.add(values);
        }

        @Override
        public void merge(Rows later) {
            for (int i = 0; i < later.rows.size(); i++) {
                add(later.rows.get(i), later.lines[i]);
            }
        }
    }

    public Table read(Path file) {
        CsvScanner.Result<Rows> result = new CsvScanner(missing, allowShortRows, 1).scan(file, columns -> new Rows());
        Rows rows = result.sink();
        return new Table(file.getFileName().toString(), result.columns(), rows.rows,
                Arrays.copyOf(rows.lines, rows.rows.size()), result.shortRowLines());
    }
}
