package io.jenkins.plugins.mlops.train;

import io.jenkins.plugins.mlops.data.Sha256;
import io.jenkins.plugins.mlops.data.Table;
import io.jenkins.plugins.mlops.model.Lineage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.commons.csv.CSVFormat;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The files of a model package as training makes them: CSV and the lineage record.
 */
final class PackageFiles {
    private PackageFiles() {
    }

    static Lineage lineage(Path dataFile, Path specFile, long rows, long seed) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("deeplearning4j", libraryVersion("org.deeplearning4j", "deeplearning4j-nn"));
        env.put("nd4j", libraryVersion("org.nd4j", "nd4j-native"));
        env.put("nd4j.backend", Nd4j.getBackend().getClass().getSimpleName());
        env.put("dataType", "FLOAT");
        env.put("java", System.getProperty("java.vendor") + " " + System.getProperty("java.version"));
        env.put("os", System.getProperty("os.name") + " " + System.getProperty("os.arch"));
        env.put("OMP_NUM_THREADS", String.valueOf(System.getenv("OMP_NUM_THREADS")));
        env.put("OMP_WAIT_POLICY", String.valueOf(System.getenv("OMP_WAIT_POLICY")));
        env.put("OPENBLAS_CORETYPE", String.valueOf(System.getenv("OPENBLAS_CORETYPE")));
        env.put("availableProcessors", String.valueOf(Runtime.getRuntime().availableProcessors()));
        return new Lineage(Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(), Lineage.user(),
                dataFile.getFileName().toString(), Sha256.of(dataFile), rows, Sha256.of(specFile), seed,
                Lineage.env("GIT_COMMIT"), Lineage.env("BUILD_URL"), env);
    }

    static String libraryVersion(String group, String artifact) {
        String path = "/META-INF/maven/" + group + "/" + artifact + "/pom.properties";
        try (var in = TrainStep.class.getResourceAsStream(path)) {
            if (in == null) {
                return "unknown";
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }

    /** The first {@code maxRows} rows of the columns as RFC 4180 CSV with a header, in UTF-8. */
    static byte[] csv(Table table, List<String> columns, int maxRows) {
        int[] idx = columns.stream().mapToInt(table::columnIndex).toArray();
        int rows = Math.min(maxRows, table.rowCount());
        StringBuilder out = new StringBuilder(16 + rows * idx.length * 8);
        CSVFormat format = CSVFormat.RFC4180.builder().setRecordSeparator('\n').get();
        try {
            format.printRecord(out, columns.toArray());
            for (int r = 0; r < rows; r++) {
                for (int i = 0; i < idx.length; i++) {
                    // plain numbers, the bulk of a table, need no quoting: appended digit by digit
                    int mark = out.length();
                    if (i > 0) {
                        out.append(',');
                    }
                    if (!table.appendPlainNumber(r, idx[i], out)) {
                        out.setLength(mark);
                        String v = table.value(r, idx[i]);
                        format.print(v == null ? "" : v, out, i == 0);
                    }
                }
                out.append('\n');
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

}
