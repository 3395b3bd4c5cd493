package io.jenkins.plugins.mlops.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Parallel chunks must see exactly the rows and lines that one sequential parse sees. */
class CsvScannerTest {
    /** A file larger than the parallel threshold, with quoted commas, quotes and line breaks. */
    static Path bigFile(Path dir, int rows, String badRow) throws IOException {
        Path file = dir.resolve("big.csv");
        try (BufferedWriter w = Files.newBufferedWriter(file)) {
            w.write("id,name,note,value\n");
            for (int i = 0; i < rows; i++) {
                if (badRow != null && i == rows - 10) {
                    w.write(badRow);
                    continue;
                }
                String note = i % 7 == 0 ? "\"multi\nline, \"\"quoted\"\"\"" : i % 5 == 0 ? "" : "plain";
                w.write(i + ",name-" + (i % 100) + "," + note + "," + (i * 0.5) + "\n");
            }
        }
        return file;
    }

    private static List<Long> linesOf(Path file, int threads) {
        return new CsvScanner(MissingValues.DEFAULT, false, threads).scan(file, c -> new StringRows()).sink().lineList();
    }

    @Test
    void parallelChunksSeeTheSameRowsAndLinesAsOneParse(@TempDir Path dir) throws IOException {
        Path file = bigFile(dir, 200_000, null);
        assertThat(Files.size(file)).isGreaterThan(CsvScanner.MIN_PARALLEL_BYTES);
        List<Long> sequential = linesOf(file, 1);
        List<Long> parallel = linesOf(file, 4);
        assertThat(parallel).hasSize(200_000).isEqualTo(sequential);
        // every 7th row spans two lines
        assertThat(sequential.get(1)).isEqualTo(4);
        CsvScanner.Result<StringRows> rows = new CsvScanner(MissingValues.DEFAULT, false, 4)
                .scan(file, c -> new StringRows());
        assertThat(rows.sink().rows.get(0)[2]).isEqualTo("multi\nline, \"quoted\"");
        assertThat(rows.sink().rows.get(5)[2]).isNull();
        assertThat(rows.rows()).isEqualTo(200_000);
    }

    @Test
    void errorsDeepInAParallelFileNameTheirLine(@TempDir Path dir) throws IOException {
        Path file = bigFile(dir, 200_000, "1,2\n");
        long expectedLine = linesOfGood(dir) ;
        assertThatThrownBy(() -> linesOf(file, 4))
                .hasMessageContaining("big.csv:" + expectedLine + ": row has 2 fields but the header has 4");
    }

    /** The line where row 199,990 starts, from a sequential parse of the same file without the bad row. */
    private static long linesOfGood(Path dir) throws IOException {
        Path goodDir = Files.createDirectories(dir.resolve("good"));
        Path good = bigFile(goodDir, 200_000, null);
        return linesOf(good, 1).get(200_000 - 10);
    }

    /** A quote that never closes, deep in a file read in parallel chunks: found before any chunk is parsed. */
    @Test
    void anUnterminatedQuoteInAParallelFileNamesItsLine(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("open.csv");
        try (BufferedWriter w = Files.newBufferedWriter(file)) {
            w.write("id,name,value\n");
            for (int i = 0; i < 300_000; i++) {
                w.write(i == 299_990 ? i + ",\"never closed," + i + "\n" : i + ",name-" + i + "," + i * 0.5 + "\n");
            }
        }
        assertThat(Files.size(file)).isGreaterThan(CsvScanner.MIN_PARALLEL_BYTES);
        assertThatThrownBy(() -> linesOf(file, 4))
                .hasMessageContaining("open.csv:299992: unterminated quoted field");
    }
}
