package io.jenkins.plugins.mlops.data;

import java.util.Arrays;

/**
 * The record a {@link RowSink} is given: its fields as slices of one character buffer, so that a
 * sink which only parses numbers never builds a String for them (most of the cost of reading a
 * numeric column). The same instance is refilled for the next record: a sink that keeps a row
 * copies it with {@link #values()}.
 */
public final class CsvRow {
    private final int width;
    private final MissingValues.Matcher missing;
    private char[] chars;
    /** Field c is {@code chars[ends[c - 1] .. ends[c])} (field 0 starts at 0). */
    private int[] ends;
    private final boolean[] absent;
    private int size;
    private long line;
    private final Slice slice = new Slice();

    public CsvRow(int width, MissingValues missing) {
        this(width, missing.matcher(), new char[256], new int[Math.max(1, width)], new boolean[width], 0, 0);
    }

    private CsvRow(int width, MissingValues.Matcher missing, char[] chars, int[] ends, boolean[] absent, int size,
                   long line) {
        this.width = width;
        this.missing = missing;
        this.chars = chars;
        this.ends = ends;
        this.absent = absent;
        this.size = size;
        this.line = line;
    }

    /**
     * A row of values already held in memory ({@code null} for missing), e.g. of a {@link Table}:
     * missing is already decided, so the row needs no marker matcher.
     */
    public static CsvRow of(String[] values, long line) {
        CsvRow row = new CsvRow(values.length, null, new char[64], new int[Math.max(1, values.length)],
                new boolean[values.length], 0, line);
        for (String v : values) {
            String text = v == null ? "" : v;
            row.add(text.toCharArray(), 0, text.length());
        }
        for (int c = 0; c < values.length; c++) {
            row.absent[c] = values[c] == null;
        }
        return row;
    }

    void begin(long startLine) {
        this.line = startLine;
        this.size = 0;
    }

    void add(char[] buf, int offset, int len) {
        int start = size == 0 ? 0 : ends[size - 1];
        if (start + len > chars.length) {
            chars = Arrays.copyOf(chars, Math.max(chars.length * 2, start + len));
        }
        System.arraycopy(buf, offset, chars, start, len);
        if (size == ends.length) {
            ends = Arrays.copyOf(ends, size * 2);
        }
        ends[size++] = start + len;
    }

    /** Marks the missing fields of a complete record; fields a short row lacks are missing. */
    void finish() {
        for (int c = 0; c < width; c++) {
            absent[c] = c >= size || missing.test(chars, start(c), ends[c] - start(c));
        }
    }

    private int start(int c) {
        return c == 0 ? 0 : ends[c - 1];
    }

    /** Fields the record had, which may differ from the header's count. */
    public int size() {
        return size;
    }

    /** The header's column count: fields beyond a short row's end read as missing. */
    public int width() {
        return width;
    }

    /** The file line the record starts on. */
    public long line() {
        return line;
    }

    public boolean isMissing(int c) {
        return absent[c];
    }

    /**
     * Field {@code c} without copying it: one view shared by all calls, valid until the next call,
     * for parsing and matching only.
     */
    public CharSequence field(int c) {
        slice.from = start(c);
        slice.to = ends[c];
        return slice;
    }

    /** Field {@code c} parsed in place as a decimal number: see {@link NumberText#parseDecimal}. */
    public double decimal(int c) {
        return NumberText.parseDecimal(chars, start(c), ends[c] - start(c));
    }

    /** Field {@code c} parsed in place as an integer: see {@link NumberText#parseInteger}. */
    public double integer(int c) {
        return NumberText.parseInteger(chars, start(c), ends[c] - start(c));
    }

    /** Hands every field of the header's width to a sink, fields a short row lacks as missing. */
    void fields(FieldSink<?> sink) {
        for (int c = 0; c < width; c++) {
            int from = c < size ? start(c) : 0;
            sink.field(c, chars, from, c < size ? ends[c] - from : 0, absent[c]);
        }
    }

    /** Field {@code c} as a String, {@code null} when missing. */
    public String value(int c) {
        return absent[c] ? null : new String(chars, start(c), ends[c] - start(c));
    }

    /** A copy of the row: values in header order, {@code null} for missing. */
    public String[] values() {
        String[] values = new String[width];
        for (int c = 0; c < width; c++) {
            values[c] = value(c);
        }
        return values;
    }

    /** A compact copy that outlives the scan: one buffer instead of a String per field. */
    public CsvRow copy() {
        return new CsvRow(width, missing, Arrays.copyOf(chars, size == 0 ? 0 : ends[size - 1]),
                Arrays.copyOf(ends, Math.max(1, size)), absent.clone(), size, line);
    }

    /** A window on the row's buffer. */
    private final class Slice implements CharSequence {
        int from;
        int to;

        @Override
        public int length() {
            return to - from;
        }

        @Override
        public char charAt(int index) {
            return chars[from + index];
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            return new String(chars, from + start, end - start);
        }

        @Override
        public String toString() {
            return new String(chars, from, to - from);
        }
    }
}
