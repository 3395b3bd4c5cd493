package io.jenkins.plugins.mlops.train;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.mlops.data.CsvReader;
import io.jenkins.plugins.mlops.data.Table;
import io.jenkins.plugins.mlops.testing.Fixtures;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PackageFilesTest {
    /** What Commons CSV's printer writes for the table, value by value: what the package's CSV files must read as. */
    private static String printed(Table table, List<String> columns, int maxRows) throws IOException {
        StringBuilder out = new StringBuilder();
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.RFC4180.builder().setRecordSeparator('\n').get())) {
            printer.printRecord(columns);
            for (int r = 0; r < Math.min(maxRows, table.rowCount()); r++) {
                List<String> values = new ArrayList<>();
                for (String column : columns) {
                    String v = table.value(r, table.columnIndex(column));
                    values.add(v == null ? "" : v);
                }
                printer.printRecord(values);
            }
        }
        return out.toString();
    }

    /**
     * Numbers written digit by digit, text through Commons CSV's quoting: byte for byte what its printer
     * writes, on files with NA markers, quoted commas, negative and zero-padded decimals, an empty first
     * field and a BOM with CRLF line ends.
     */
    @ParameterizedTest
    @ValueSource(strings = {"datasets/penguins_raw.csv", "datasets/diamonds.csv", "datasets/wine.csv",
        "datasets/seattle_weather.csv", "bad/bom-crlf.csv", "bad/short-rows.csv"})
    void writesWhatCommonsCsvPrints(String fixture) throws IOException {
        Table table = new CsvReader(io.jenkins.plugins.mlops.data.MissingValues.DEFAULT, true)
                .read(Fixtures.root().resolve(fixture));
        List<String> reversed = new ArrayList<>(table.columns());
        java.util.Collections.reverse(reversed);
        for (List<String> columns : List.of(table.columns(), reversed)) {
            for (int rows : new int[] {Integer.MAX_VALUE, 7}) {
                assertThat(new String(PackageFiles.csv(table, columns, rows), StandardCharsets.UTF_8))
                        .isEqualTo(printed(table, columns, rows));
            }
        }
    }
}
