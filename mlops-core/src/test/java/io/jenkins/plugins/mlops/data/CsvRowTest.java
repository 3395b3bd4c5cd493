package io.jenkins.plugins.mlops.data;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The in-place row: missing markers, numbers, copies and shared Strings, read from its buffer. */
class CsvRowTest {
    private static CsvRow row(MissingValues missing, String... fields) {
        CsvRow row = new CsvRow(fields.length, missing);
        row.begin(7);
        for (String f : fields) {
            char[] padded = ("<<" + f + ">>").toCharArray();
            row.add(padded, 2, f.length());
        }
        row.finish();
        return row;
    }

    @Test
    void missingMarkersMatchWholeFieldsOnly() {
        CsvRow row = row(MissingValues.parse(",NA,-999"), "", "NA", "-999", "-9990", "-9", "NAN", "na");
        assertThat(row.isMissing(0)).isTrue();
        assertThat(row.isMissing(1)).isTrue();
        assertThat(row.isMissing(2)).isTrue();
        for (int c = 3; c < 7; c++) {
            assertThat(row.isMissing(c)).as(row.value(c)).isFalse();
        }
        // without the empty marker an empty field is a value
        assertThat(row(MissingValues.parse("NA"), "").isMissing(0)).isFalse();
    }

    @Test
    void shortRowsReadTheirAbsentFieldsAsMissing() {
        CsvRow row = new CsvRow(3, MissingValues.DEFAULT);
        row.begin(2);
        row.add("5".toCharArray(), 0, 1);
        row.finish();
        assertThat(row.size()).isEqualTo(1);
        assertThat(row.values()).containsExactly("5", null, null);
    }

    @Test
    void numbersAreParsedInPlaceAndCopiesOutliveTheBuffer() {
        CsvRow row = row(MissingValues.DEFAULT, "-57.1234", "12", "x");
        assertThat(row.decimal(0)).isEqualTo(-57.1234);
        assertThat(row.integer(1)).isEqualTo(12.0);
        assertThat(NumberText.isNumber(row.decimal(2))).isFalse();
        assertThat(row.field(0).toString()).isEqualTo("-57.1234");
        CsvRow copy = row.copy();
        row.begin(8);
        row.add("zzzzzzzzzzzz".toCharArray(), 0, 12);
        row.finish();
        assertThat(copy.line()).isEqualTo(7);
        assertThat(copy.values()).containsExactly("-57.1234", "12", "x");
    }

    @Test
    void internedValuesAreSharedAndCorrectBeyondTheTableSize() {
        TextInterner interner = new TextInterner();
        char[] buf = "red,blue,red".toCharArray();
        String first = interner.intern(buf, 0, 3);
        assertThat(interner.intern(buf, 9, 3)).isEqualTo("red").isSameAs(first);
        assertThat(interner.intern(buf, 4, 4)).isEqualTo("blue");
        for (int i = 0; i < 3 * TextInterner.MAX; i++) {
            char[] value = ("v" + i).toCharArray();
            assertThat(interner.intern(value, 0, value.length)).isEqualTo("v" + i);
        }
        assertThat(interner.intern(buf, 0, 3)).isSameAs(first);
    }
}
