package io.jenkins.plugins.mlops.validation;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.mlops.data.ColumnProfile;
import io.jenkins.plugins.mlops.data.CsvReader;
import io.jenkins.plugins.mlops.data.CsvRow;
import io.jenkins.plugins.mlops.data.CsvScanner;
import io.jenkins.plugins.mlops.data.MissingValues;
import io.jenkins.plugins.mlops.data.Table;
import io.jenkins.plugins.mlops.profile.RowSample;
import io.jenkins.plugins.mlops.schema.Schema;
import io.jenkins.plugins.mlops.schema.SchemaInference;
import io.jenkins.plugins.mlops.testing.Fixtures;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The scanner hands a validation pass its fields in the parser's buffer and copies only the rows
 * the sample may keep; the same rows read whole must give the same verdict, profile and sample.
 */
class ValidationPassTest {
    /** A small sample, so that most rows are never copied on the streaming path. */
    private static final int SAMPLE = 20;

    /**
     * @param schemaRows the schema is inferred from this many first rows, so that later rows break
     *     its categories and ranges
     * @param gaps whether the file has missing values (markers, or fields a short row lacks)
     */
    @ParameterizedTest
    @CsvSource({"datasets/penguins_raw.csv, 60, false, true", "datasets/diamonds.csv, 500, false, false",
        "bad/short-rows.csv, 1, true, true"})
    void fieldsStreamedInPlaceGiveWhatWholeRowsGive(String fixture, int schemaRows, boolean shortRows, boolean gaps) {
        Path file = Fixtures.root().resolve(fixture);
        Table table = new CsvReader(MissingValues.DEFAULT, shortRows).read(file);
        Schema schema = SchemaInference.infer(table.select(java.util.stream.IntStream.range(0, schemaRows).toArray()));

        ValidationPass streamed = new CsvScanner(MissingValues.DEFAULT, shortRows, 1)
                .scan(file, columns -> new ValidationPass(schema, columns, new RowSample.Shared(SAMPLE))).sink();
        ValidationPass whole = new ValidationPass(schema, table.columns(), new RowSample.Shared(SAMPLE));
        for (int r = 0; r < table.rowCount(); r++) {
            whole.accept(CsvRow.of(table.row(r), table.line(r)));
        }

        assertThat(streamed.rows()).isEqualTo(table.rowCount());
        Table sample = streamed.sample(file.toString());
        assertThat(sample.rowCount()).isEqualTo(Math.min(SAMPLE, table.rowCount()));
        Table wholeSample = whole.sample(file.toString());
        for (int r = 0; r < sample.rowCount(); r++) {
            assertThat(sample.line(r)).isEqualTo(wholeSample.line(r));
            assertThat(sample.row(r)).containsExactly(wholeSample.row(r));
        }
        List<Anomaly> anomalies = streamed.anomalies(sample);
        assertThat(anomalies).isNotEmpty().isEqualTo(whole.anomalies(wholeSample));
        List<ColumnProfile> profiles = streamed.profiles();
        List<ColumnProfile> wholeProfiles = whole.profiles();
        for (int c = 0; c < profiles.size(); c++) {
            ColumnProfile a = profiles.get(c);
            ColumnProfile b = wholeProfiles.get(c);
            // quantiles and histograms come from KLL, whose compactions flip coins: not compared
            assertThat(List.of(a.count(), a.missing(), a.distinct())).as(a.name())
                    .isEqualTo(List.of(b.count(), b.missing(), b.distinct()));
            assertThat(a.min()).as(a.name()).isEqualTo(b.min());
            assertThat(a.max()).as(a.name()).isEqualTo(b.max());
            assertThat(a.mean()).as(a.name()).isEqualTo(b.mean());
            assertThat(a.stddev()).as(a.name()).isEqualTo(b.stddev());
            assertThat(a.topValues()).as(a.name()).isEqualTo(b.topValues());
        }
        assertThat(profiles.stream().mapToLong(ColumnProfile::missing).sum() > 0).isEqualTo(gaps);
    }
}
