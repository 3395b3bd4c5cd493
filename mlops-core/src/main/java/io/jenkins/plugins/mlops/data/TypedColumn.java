package io.jenkins.plugins.mlops.data;

/**
 * One column of a {@link Table}, stored by what its values are: {@link NumberColumn} when every
 * present value is a number, {@link TextColumn} otherwise. Either gives back the file's text
 * exactly; the numbers and codes are there so that training and scoring never parse or hash a
 * String per value.
 */
sealed interface TypedColumn permits NumberColumn, TextColumn {
    boolean isMissing(int row);

    /** The value as the file wrote it, {@code null} when missing. */
    String text(int row);

    /**
     * Appends the value's text when it is a plain number the column keeps as a double (no quoting can
     * apply to it); {@code false}, appending nothing, for any other value.
     */
    default boolean appendPlainNumber(int row, StringBuilder out) {
        return false;
    }

    /** The value as a number ({@link NumberText#parseDecimal}); NaN when missing or not a number. */
    double number(int row);

    /** The rows given, in that order. */
    TypedColumn select(int[] rows);
}
