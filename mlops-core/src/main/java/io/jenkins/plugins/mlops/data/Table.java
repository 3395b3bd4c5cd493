package io.jenkins.plugins.mlops.data;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import java.util.function.IntPredicate;
import java.util.stream.IntStream;

/**
 * Rows of a CSV file held in memory by column ({@link TypedColumn}: doubles for numeric columns,
 * codes into distinct values for text), each row with the line of the file it came from so that
 * messages can point at it. Values read back as the file's text, {@code null} when missing.
 */
public final class Table {
    private final String source;
    private final List<String> columns;
    private final Map<String, Integer> index = new HashMap<>();
    private final TypedColumn[] data;
    private final long[] lines;
    private final List<Long> shortRowLines;

    public Table(String source, List<String> columns, List<String[]> rows, long[] lines) {
        this(source, columns, built(source, columns, rows, lines), lines, List.of());
    }

    /** @param shortRowLines lines of rows that had fewer fields than the header, read as missing */
    Table(String source, List<String> columns, TypedColumn[] data, long[] lines, List<Long> shortRowLines) {
        this.source = source;
        this.columns = List.copyOf(columns);
        for (int i = 0; i < columns.size(); i++) {
            index.put(columns.get(i), i);
        }
        this.data = data;
        this.lines = lines;
        this.shortRowLines = List.copyOf(shortRowLines);
    }

    private static TypedColumn[] built(String source, List<String> columns, List<String[]> rows, long[] lines) {
        TableBuilder builder = new TableBuilder(source, columns);
        for (int r = 0; r < rows.size(); r++) {
            builder.add(rows.get(r), lines[r]);
        }
        return builder.build().data;
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
        return lines.length;
    }

    /** Row {@code i}'s values, a new array. */
    public String[] row(int i) {
        String[] row = new String[data.length];
        for (int c = 0; c < data.length; c++) {
            row[c] = data[c].text(i);
        }
        return row;
    }

    /** The raw value, {@code null} when missing. */
    public String value(int row, int column) {
        return data[column].text(row);
    }

    /** See {@link TypedColumn#appendPlainNumber}: the text of a plain number, without a String for it. */
    public boolean appendPlainNumber(int row, int column, StringBuilder out) {
        return data[column].appendPlainNumber(row, out);
    }

    public boolean isMissing(int row, int column) {
        return data[column].isMissing(row);
    }

    /** The value as a number, NaN when missing or not a number: no text is made or parsed for a numeric column. */
    public double number(int row, int column) {
        return data[column].number(row);
    }

    /** Whether every present value of the column is a number (then {@link #number} is exact and cheap). */
    public boolean isNumeric(int column) {
        return data[column] instanceof NumberColumn;
    }

    /** Whether a present value is an integer as {@link NumberText#parseInteger} reads it. */
    public boolean isInteger(int row, int column) {
        if (data[column] instanceof NumberColumn numbers) {
            return numbers.isInteger(row);
        }
        String text = value(row, column);
        return NumberText.isNumber(NumberText.parseInteger(text.toCharArray(), 0, text.length()));
    }

    /** The 1-based line of the file where row {@code i} starts. */
    public long line(int i) {
        return lines[i];
    }

    TypedColumn column(int c) {
        return data[c];
    }

    public Table select(int[] rowIndexes) {
        TypedColumn[] selected = new TypedColumn[data.length];
        for (int c = 0; c < data.length; c++) {
            selected[c] = data[c].select(rowIndexes);
        }
        long[] selectedLines = new long[rowIndexes.length];
        for (int i = 0; i < rowIndexes.length; i++) {
            selectedLines[i] = lines[rowIndexes[i]];
        }
        return new Table(source, columns, selected, selectedLines, List.of());
    }

    /** A copy in which row {@code r}'s value of {@code column} is {@code value.apply(r)}; the other columns are shared. */
    public Table withColumn(int column, IntFunction<String> value) {
        TypedColumn[] changed = data.clone();
        ColumnBuilder replaced = new ColumnBuilder();
        for (int r = 0; r < rowCount(); r++) {
            replaced.add(value.apply(r));
        }
        changed[column] = replaced.build();
        return new Table(source, columns, changed, lines, List.of());
    }

    /** The rows kept; this table itself when all are (tables never change: no copy is needed). */
    public Table filter(IntPredicate keep) {
        int[] kept = IntStream.range(0, rowCount()).filter(keep).toArray();
        return kept.length == rowCount() ? this : select(kept);
    }
}
