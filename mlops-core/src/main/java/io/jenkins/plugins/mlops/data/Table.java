package io.jenkins.plugins.mlops.data;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.HashMap;
import java.util.function.IntFunction;
import java.util.function.IntPredicate;
import java.util.stream.IntStream;

/**
 * Rows of a CSV file held in memory as raw text, missing values as {@code null}, each row with the
 * line of the file it came from so that messages can point at it.
 */
public final class Table {
    private final String source;
    private final List<String> columns;
    private final Map<String, Integer> index = new HashMap<>();
    private final List<String[]> rows;
    private final long[] lines;
    private final List<Long> shortRowLines;

    public Table(String source, List<String> columns, List<String[]> rows, long[] lines) {
        this(source, columns, rows, lines, List.of());
    }

    /** @param shortRowLines lines of rows that had fewer fields than the header, read as missing */
    public Table(String source, List<String> columns, List<String[]> rows, long[] lines, List<Long> shortRowLines) {
        this.source = source;
        this.columns = List.copyOf(columns);
        for (int i = 0; i < columns.size(); i++) {
            index.put(columns.get(i), i);
        }
        this.rows = Collections.unmodifiableList(rows);
        this.lines = lines;
        this.shortRowLines = List.copyOf(shortRowLines);
    }

    public List<Long> shortRowLines() {
        return shortRowLines;
    }

    /** Where the rows came from (a file name), for messages. */
    public String source() {
        return source;
    }

    public List<String> columns() {
        return columns;
    }

    public int columnIndex(String name) {
        Integer i = index.get(name);
        return i == null ? -1 : i;
    }

    public boolean hasColumn(String name) {
        return index.containsKey(name);
    }

    public int rowCount() {
        return rows.size();
    }

    public String[] row(int i) {
        return rows.get(i);
    }

    /** The raw value, {@code null} when missing. */
    public String value(int row, int column) {
        return rows.get(row)[column];
    }

    /** The 1-based line of the file where row {@code i} starts. */
    public long line(int i) {
        return lines[i];
    }

    public Table select(int[] rowIndexes) {
        List<String[]> selected = new ArrayList<>(rowIndexes.length);
        long[] selectedLines = new long[rowIndexes.length];
        for (int i = 0; i < rowIndexes.length; i++) {
            selected.add(rows.get(rowIndexes[i]));
            selectedLines[i] = lines[rowIndexes[i]];
        }
        return new Table(source, columns, selected, selectedLines);
    }

    /** A copy in which row {@code r}'s value of {@code column} is {@code value.apply(r)}; the rest is shared. */
    public Table withColumn(int column, IntFunction<String> value) {
        List<String[]> changed = new ArrayList<>(rows.size());
        for (int r = 0; r < rows.size(); r++) {
            String[] row = rows.get(r).clone();
            row[column] = value.apply(r);
            changed.add(row);
        }
        return new Table(source, columns, changed, lines.clone());
    }

    public Table filter(IntPredicate keep) {
        return select(IntStream.range(0, rows.size()).filter(keep).toArray());
    }
}
