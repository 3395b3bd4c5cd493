package io.jenkins.plugins.mlops.data;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.mlops.testing.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The typed columns of {@link CsvReader} give back exactly what the row-of-Strings reading gave. */
class ColumnarTableTest {
    static Stream<Path> fixtures() {
        return Stream.of(Fixtures.dataset("penguins.csv"), Fixtures.dataset("penguins_raw.csv"),
                Fixtures.dataset("diamonds.csv"), Fixtures.dataset("seattle_weather.csv"),
                Fixtures.dataset("digits.csv"), Fixtures.bad("bom-crlf.csv"), Fixtures.bad("one-megabyte-field.csv"),
                Fixtures.bad("personal-data.csv"), Fixtures.bad("out-of-range.csv"), Fixtures.bad("header-only.csv"));
    }

    @ParameterizedTest
    @MethodSource("fixtures")
    void columnsEqualTheRowsOfStrings(Path file) {
        assertSameAsRows(file, MissingValues.DEFAULT, false);
    }

    @Test
    void shortRowsReadAsMissingWithTheirLines() {
        Path file = Fixtures.bad("short-rows.csv");
        Table table = assertSameAsRows(file, MissingValues.DEFAULT, true);
        assertThat(table.shortRowLines()).isNotEmpty();
        long shortLine = table.shortRowLines().get(0);
        int row = java.util.stream.IntStream.range(0, table.rowCount()).filter(r -> table.line(r) == shortLine)
                .findFirst().orElseThrow();
        assertThat(table.isMissing(row, table.columns().size() - 1)).isTrue();
    }

    /** Every text a number column must give back as written, whether the double alone gives it or not. */
    @Test
    void numbersKeepTheirTextExactly(@TempDir Path dir) throws IOException {
        List<String> values = List.of("007", "1e5", "-0", "3.10", " 5", "NaN", "-INF", "+4", "0.000120", "-12.5",
                "123456789012345", "1234567890123456789", "0", "10.0", "0.5", "-0.0", "5.");
        StringBuilder csv = new StringBuilder("x,y\n");
        for (int i = 0; i < values.size(); i++) {
            csv.append('"').append(values.get(i)).append("\",").append(i).append('\n');
        }
        Path file = Files.writeString(dir.resolve("numbers.csv"), csv);
        Table table = assertSameAsRows(file, MissingValues.DEFAULT, false);
        assertThat(table.isNumeric(0)).isTrue();
        assertThat(table.number(0, 0)).isEqualTo(7.0);
        assertThat(table.number(1, 0)).isEqualTo(1e5);
        assertThat(table.isInteger(0, 0)).isTrue();
        assertThat(table.isInteger(1, 0)).isFalse();
        assertThat(table.isInteger(3, 0)).isFalse();
        assertThat(table.isInteger(10, 0)).isTrue();
    }

    /** A column that turns out not to be numeric late becomes text, its earlier numbers as written. */
    @Test
    void aLateWordTurnsTheNumbersSoFarIntoText(@TempDir Path dir) throws IOException {
        StringBuilder csv = new StringBuilder("code,n\n");
        for (int i = 0; i < 1000; i++) {
            csv.append(i % 3 == 0 ? "0" + i : String.valueOf(i * 0.25)).append(',').append(i).append('\n');
        }
        csv.append("n/a-yet,1000\n");
        Path file = Files.writeString(dir.resolve("late.csv"), csv);
        Table table = assertSameAsRows(file, MissingValues.DEFAULT, false);
        assertThat(table.isNumeric(0)).isFalse();
        assertThat(table.isNumeric(1)).isTrue();
        assertThat(table.number(1, 0)).isEqualTo(0.25);
    }

    /** A file read in parallel chunks, where a column is numeric in some chunks and text in others. */
    @Test
    void parallelChunksMergeIntoTheSameColumns(@TempDir Path dir) throws IOException {
        Path file = CsvScannerTest.bigFile(dir, 200_000, null);
        String text = Files.readString(file).replace("\n199990,", "\n199990x,");
        Files.writeString(file, text);
        assertThat(Files.size(file)).isGreaterThan(CsvScanner.MIN_PARALLEL_BYTES);
        Table table = assertSameAsRows(file, MissingValues.DEFAULT, false);
        assertThat(table.isNumeric(0)).isFalse();
        assertThat(table.isNumeric(3)).isTrue();
        assertThat(table.value(199_990, 0)).isEqualTo("199990x");
        assertThat(table.select(new int[] {199_990, 3}).value(1, 3)).isEqualTo("1.5");
    }

    private static Table assertSameAsRows(Path file, MissingValues missing, boolean allowShortRows) {
        StringRows reference = new CsvScanner(missing, allowShortRows, 1).scan(file, c -> new StringRows()).sink();
        Table table = new CsvReader(missing, allowShortRows).read(file);
        assertThat(table.rowCount()).isEqualTo(reference.rows.size());
        for (int r = 0; r < table.rowCount(); r++) {
            String[] expected = reference.rows.get(r);
            assertThat(table.line(r)).as("line of row %d", r).isEqualTo(reference.lines[r]);
            for (int c = 0; c < expected.length; c++) {
                assertThat(table.value(r, c)).as("row %d column %d", r, c).isEqualTo(expected[c]);
                assertThat(table.isMissing(r, c)).isEqualTo(expected[c] == null);
                Double number = expected[c] == null ? null : NumberText.parseDouble(expected[c]);
                if (number == null) {
                    assertThat(table.number(r, c)).isNaN();
                } else {
                    assertThat(table.number(r, c)).as("number at row %d column %d", r, c).isEqualTo(number);
                }
            }
        }
        return table;
    }
}
