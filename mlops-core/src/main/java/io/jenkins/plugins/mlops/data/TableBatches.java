package io.jenkins.plugins.mlops.data;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.CharBuffer;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.apache.commons.csv.CSVFormat;

/**
 * A CSV file read as a sequence of columnar tables of at most {@code batchRows} rows each, in file order, so
 * that a step which needs every row once (scoring, model tests) streams with typed columns in memory bounded by
 * the batch.
 */
public final class TableBatches implements FieldSink<TableBatches> {
    /** How {@link Records} writes a record: RFC 4180, as the engine writes every CSV file. */
    private static final CSVFormat RECORDS = CSVFormat.RFC4180.builder().setRecordSeparator('\n').get();

    /**
     * A batch's records as the file wrote them, each field re-quoted as Commons CSV's RFC 4180 printer
     * quotes it (missing-value markers kept: the table has only the fact that a value is missing).
     */
    public static final class Records {
        private final StringBuilder text = new StringBuilder(1 << 16);
        private int[] ends = new int[1024];
        private int rows;

        /** Appends record {@code row}'s fields, comma-separated, without a line end. */
        public void append(int row, StringBuilder out) {
            out.append(text, row == 0 ? 0 : ends[row - 1], ends[row]);
        }

        void field(int c, char[] buf, int offset, int len) {
            try {
                RECORDS.print(CharBuffer.wrap(buf, offset, len), text, c == 0);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        void endRow() {
            if (rows == ends.length) {
                ends = Arrays.copyOf(ends, rows * 2);
            }
            ends[rows++] = text.length();
        }
    }

    private final String source;
    private final List<String> columns;
    private final int batchRows;
    private final BiConsumer<Table, Records> consumer;
    /** Whether the consumer wants the records' text beside the table. */
    private final boolean withRecords;
    private CsvReader.ChunkColumns chunk;
    private Records records = new Records();

    private TableBatches(String source, List<String> columns, int batchRows, boolean withRecords,
                         BiConsumer<Table, Records> consumer) {
        this.source = source;
        this.columns = columns;
        this.batchRows = batchRows;
        this.withRecords = withRecords;
        this.consumer = consumer;
        chunk = new CsvReader.ChunkColumns(columns.size());
    }

    /**
     * Hands every batch to {@code consumer}, the first once the header is read ({@code header} sees the column
     * names before any row, to refuse a file early); returns the columns.
     */
    public static List<String> read(Path file, MissingValues missing, int batchRows, Consumer<List<String>> header,
                                    Consumer<Table> consumer) {
        return read(file, missing, batchRows, header, false, (table, records) -> consumer.accept(table));
    }

    /** As {@link #read}, each batch with its records' text, for a step that writes the rows out again. */
    public static List<String> readWithRecords(Path file, MissingValues missing, int batchRows,
                                               Consumer<List<String>> header, BiConsumer<Table, Records> consumer) {
        return read(file, missing, batchRows, header, true, consumer);
    }

    private static List<String> read(Path file, MissingValues missing, int batchRows, Consumer<List<String>> header,
                                     boolean withRecords, BiConsumer<Table, Records> consumer) {
        // one thread: one sink sees every row, in file order
        CsvScanner.Result<TableBatches> result = new CsvScanner(missing, false, 1).scan(file, names -> {
            header.accept(names);
            return new TableBatches(file.getFileName().toString(), names, batchRows, withRecords, consumer);
        });
        result.sink().flush();
        return result.columns();
    }

    @Override
    public boolean beginRow(long line) {
        return chunk.beginRow(line);
    }

    @Override
    public void field(int c, char[] buf, int offset, int len, boolean missing) {
        chunk.field(c, buf, offset, len, missing);
        if (withRecords) {
            records.field(c, buf, offset, len);
        }
    }

    @Override
    public void endRow(CsvRow row, int fields) {
        chunk.endRow(row, fields);
        if (withRecords) {
            records.endRow();
        }
        if (chunk.rows == batchRows) {
            flush();
        }
    }

    @Override
    public void merge(TableBatches later) {
        throw new IllegalStateException("batches are read in one pass, in order");
    }

    private void flush() {
        if (chunk.rows > 0) {
            Table batch = chunk.table(source, columns, List.of());
            Records text = records;
            chunk = new CsvReader.ChunkColumns(columns.size());
            records = new Records();
            consumer.accept(batch, text);
        }
    }
}
