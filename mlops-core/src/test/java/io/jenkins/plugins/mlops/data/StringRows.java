package io.jenkins.plugins.mlops.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The row-of-Strings reading the columnar {@link CsvReader} replaced (every value a String, in file
 * order, with its line): the reference the columns are checked against.
 */
final class StringRows implements RowSink<StringRows> {
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
    public void merge(StringRows later) {
        for (int i = 0; i < later.rows.size(); i++) {
            add(later.rows.get(i), later.lines[i]);
        }
    }

    List<Long> lineList() {
        return Arrays.stream(Arrays.copyOf(lines, rows.size())).boxed().toList();
    }
}
