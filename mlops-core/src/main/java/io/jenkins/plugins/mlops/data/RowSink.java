package io.jenkins.plugins.mlops.data;

/**
 * Receives the rows of one chunk of a CSV file, in file order. Sinks of different chunks are
 * merged afterwards, so a sink keeps only what it can merge (counts, sketches, samples).
 */
public interface RowSink<S extends RowSink<S>> {
    /** @param row the current record, refilled for the next one: keep {@link CsvRow#values()}, not the row */
    void accept(CsvRow row);

    /** Absorbs a sink of a later chunk of the same file. */
    void merge(S later);
}
