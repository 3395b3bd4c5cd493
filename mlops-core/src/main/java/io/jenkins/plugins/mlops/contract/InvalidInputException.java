package io.jenkins.plugins.mlops.contract;

import java.nio.file.Path;

/**
 * A usage or input error (exit code 2): missing file, malformed CSV, invalid spec. Its message is
 * the one line the user sees, naming the file, line and column where known.
 */
public class InvalidInputException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public InvalidInputException(String message) {
        super(message);
    }

    public InvalidInputException(String message, Throwable cause) {
        super(message, cause);
    }

    /** {@code file:line:column: message}, leaving out the parts that are unknown (≤ 0). */
    public static InvalidInputException at(Path file, long line, long column, String message) {
        StringBuilder where = new StringBuilder(String.valueOf(file));
        if (line > 0) {
            where.append(':').append(line);
            if (column > 0) {
                where.append(':').append(column);
            }
        }
        return new InvalidInputException(where + ": " + message);
    }

    public static InvalidInputException in(Path file, String message) {
        return at(file, 0, 0, message);
    }
}
