package io.jenkins.plugins.mlops.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.mlops.contract.InvalidInputException;
import io.jenkins.plugins.mlops.testing.Fixtures;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvReaderTest {
    private final CsvReader reader = new CsvReader();

    @Test
    void readsPenguinsWithMissingValuesAsNull() {
        Table t = reader.read(Fixtures.dataset("penguins.csv"));
        assertThat(t.rowCount()).isEqualTo(344);
        assertThat(t.columns()).containsExactly("species", "island", "bill_length_mm", "bill_depth_mm",
                "flipper_length_mm", "body_mass_g", "sex", "year");
        // row 4 of the data (line 5) has no measurements: R's NA written as empty fields
        assertThat(t.line(3)).isEqualTo(5);
        assertThat(t.value(3, t.columnIndex("bill_length_mm"))).isNull();
        assertThat(t.value(3, t.columnIndex("species"))).isEqualTo("Adelie");
    }

    @Test
    void naMarkersOfPenguinsRawAreMissing() {
        Table t = reader.read(Fixtures.dataset("penguins_raw.csv"));
        int comments = t.columnIndex("Comments");
        long missing = java.util.stream.IntStream.range(0, t.rowCount()).filter(r -> t.value(r, comments) == null).count();
        assertThat(missing).isEqualTo(290);
        // a quoted field with a comma stays one field
        assertThat(t.value(0, t.columnIndex("Stage"))).isEqualTo("Adult, 1 Egg Stage");
    }

    @Test
    void bomAndCrlfAreAccepted() {
        Table t = reader.read(Fixtures.bad("bom-crlf.csv"));
        assertThat(t.columns()).containsExactly("sepal", "petal", "species");
        assertThat(t.rowCount()).isEqualTo(2);
        assertThat(t.value(1, 2)).isEqualTo("b");
    }

    @Test
    void oneMegabyteFieldIsRead() {
        Table t = reader.read(Fixtures.bad("one-megabyte-field.csv"));
        assertThat(t.value(0, 1)).hasSize(1_000_000);
    }

    @Test
    void raggedRowNamesFileAndLine7() {
        assertThatThrownBy(() -> reader.read(Fixtures.bad("ragged-row-line7.csv")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("ragged-row-line7.csv:7: row has 5 fields but the header has 8");
    }

    @Test
    void unterminatedQuoteNamesTheLineWhereItOpens() {
        assertThatThrownBy(() -> reader.read(Fixtures.bad("unterminated-quote.csv")))
                .hasMessageContaining("unterminated-quote.csv:3: unterminated quoted field");
    }

    @Test
    void textAfterAClosingQuoteNamesItsLine() {
        assertThatThrownBy(() -> reader.read(Fixtures.bad("char-after-quote.csv")))
                .hasMessageContaining("char-after-quote.csv:3: unexpected character after a closing quote");
    }

    @Test
    void emptyFileDuplicateColumnsAndWrongEncodingsAreInputErrors() {
        assertThatThrownBy(() -> reader.read(Fixtures.bad("empty.csv"))).hasMessageContaining("file is empty");
        assertThatThrownBy(() -> reader.read(Fixtures.bad("duplicate-columns.csv")))
                .hasMessageContaining("duplicate-columns.csv:1:3: duplicate column name 'x' (columns 1 and 3)");
        assertThatThrownBy(() -> reader.read(Fixtures.bad("latin1.csv")))
                .hasMessageContaining("latin1.csv:2:4: not valid UTF-8");
        assertThatThrownBy(() -> reader.read(Fixtures.bad("utf16.csv"))).hasMessageContaining("not valid UTF-8");
        assertThatThrownBy(() -> reader.read(Fixtures.bad("binary-garbage.csv"))).hasMessageContaining("not valid UTF-8");
    }

    @Test
    void missingFileAndFolderAreInputErrors(@TempDir Path dir) {
        assertThatThrownBy(() -> reader.read(dir.resolve("nope.csv"))).hasMessageEndingWith("nope.csv: no such file");
        assertThatThrownBy(() -> reader.read(dir)).hasMessageContaining("is a directory");
    }

    @Test
    void shortRowsAreRejectedUnlessAllowed() {
        assertThatThrownBy(() -> reader.read(Fixtures.bad("short-rows.csv")))
                .hasMessageContaining("short-rows.csv:3: row has 4 fields but the header has 5");
        Table t = new CsvReader(MissingValues.DEFAULT, true).read(Fixtures.bad("short-rows.csv"));
        assertThat(t.shortRowLines()).containsExactly(3L, 4L);
        assertThat(t.value(2, 1)).isEqualTo("trixie");
        assertThat(t.value(2, 3)).isNull();
        // more fields than the header is never guessed at
        assertThatThrownBy(() -> new CsvReader(MissingValues.DEFAULT, true).read(Fixtures.bad("duplicate-columns.csv")))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void headerOnlyGivesAnEmptyTable() {
        assertThat(reader.read(Fixtures.bad("header-only.csv")).rowCount()).isZero();
    }
}
