package io.jenkins.plugins.mlops.data;

/**
 * A {@link RowSink} that takes each field as the parser produces it, in the parser's own buffer,
 * so that the scanner copies a record only when the sink asks for the whole of it (copying every
 * field into a {@link CsvRow} costs a tenth of a validation pass). Fields come in order; a record's
 * fields are valid only during the call that hands them over.
 */
public interface FieldSink<S extends FieldSink<S>> extends RowSink<S> {
    /**
     * A record starts on this line (a blank line may start one that never ends: count rows in
     * {@link #endRow}).
     *
     * @return whether {@link #endRow} needs the whole record
     */
    boolean beginRow(long line);

    /**
     * Field {@code c} of the current record, {@code c} below the header's width.
     *
     * @param missing whether the text is a missing-value marker
     */
    void field(int c, char[] buf, int offset, int len, boolean missing);

    /**
     * The record is complete.
     *
     * @param row the whole record when {@link #beginRow} asked for it, else null
     * @param fields how many fields the record had, at most the header's width: later ones are missing
     */
    void endRow(CsvRow row, int fields);

    /** The same work on a record already read whole (a table's row, say). */
    @Override
    default void accept(CsvRow row) {
        beginRow(row.line());
        row.fields(this);
        endRow(row, row.width());
    }
}
