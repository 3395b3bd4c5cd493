package io.jenkins.plugins.mlops.cli;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The peers of {@code mlops validate} in {@link CommandsBench}, each its own process: a
 * single-threaded Commons CSV read of every field, and DuckDB's {@code SUMMARIZE} profile (every
 * column's min, max, distinct count, mean, sd, quartiles, nulls) through its JDBC driver, found on
 * the class path at run time (no build dependency).
 */
final class PeerReads {
    private PeerReads() {
    }

    public static void main(String[] args) throws SQLException {
        Path csv = Path.of(args[1]);
        switch (args[0]) {
            case "commons-csv" -> System.out.println("fields' characters: " + BenchCommand.Validate.rawParse(csv));
            case "duckdb-summarize" -> System.out.println("summarized columns: " + summarize(csv));
            default -> throw new IllegalArgumentException("peer: commons-csv or duckdb-summarize");
        }
    }

    private static int summarize(Path csv) throws SQLException {
        try (Connection db = DriverManager.getConnection("jdbc:duckdb:");
             Statement statement = db.createStatement()) {
            statement.execute("SET threads = " + Runtime.getRuntime().availableProcessors());
            int columns = 0;
            try (ResultSet rows = statement.executeQuery("SUMMARIZE SELECT * FROM read_csv('"
                    + csv.toAbsolutePath().toString().replace("'", "''") + "')")) {
                while (rows.next()) {
                    columns++;
                }
            }
            return columns;
        }
    }
}
