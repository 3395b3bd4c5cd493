package io.jenkins.plugins.mlops.data;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

/**
 * A CSV file read as a sequence of columnar tables of at most {@code batchRows} rows each, in file order, so
 * that a step which needs every row once (scoring, model tests) streams with typed columns in memory bounded by
 * the batch.
 */
public final class TableBatches implements FieldSink<TableBatches> {
    private final String source;
    private final List<String> columns;
    private final int batchRows;
    private final Consumer<Table> consumer;
    private CsvReader.ChunkColumns chunk;

    private TableBatches(String source, List<String> columns, int batchRows, Consumer<Table> consumer) {
        this.source = source;
        this.columns = columns;
        this.batchRows = batchRows;
        this.consumer = consumer;
        chunk = new CsvReader.ChunkColumns(columns.size());
    }

    /**
     * Hands every batch to {@code consumer}, the first once the header is read ({@code header} sees the column
     * names before any row, to refuse a file early); returns the columns.
     */
    public static List<String> read(Path file, MissingValues missing, int batchRows, Consumer<List<String>> header,
                                    Consumer<Table> consumer) {
        // one thread: one sink sees every row, in file order
        CsvScanner.Result<TableBatches> result = new CsvScanner(missing, false, 1).scan(file, names -> {
            header.accept(names);
            return new TableBatches(file.getFileName().toString(), names, batchRows, consumer);
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
    }

    @Override
    public void endRow(CsvRow row, int fields) {
        chunk.endRow(row, fields);
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
            chunk = new CsvReader.ChunkColumns(columns.size());
            consumer.accept(batch);
        }
    }
}
