package io.jenkins.plugins.mlops.validation;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.mlops.data.CsvReader;
import io.jenkins.plugins.mlops.data.CsvScanner;
import io.jenkins.plugins.mlops.data.MissingValues;
import io.jenkins.plugins.mlops.data.Table;
import io.jenkins.plugins.mlops.profile.RowSample;
import io.jenkins.plugins.mlops.schema.Constraints;
import io.jenkins.plugins.mlops.schema.Field;
import io.jenkins.plugins.mlops.schema.FieldType;
import io.jenkins.plugins.mlops.schema.Schema;
import io.jenkins.plugins.mlops.schema.SchemaInference;
import io.jenkins.plugins.mlops.schema.Severity;
import io.jenkins.plugins.mlops.testing.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AnomalyCatalogueTest {
    private static Anomaly only(List<Anomaly> anomalies, String kind) {
        List<Anomaly> found = anomalies.stream().filter(a -> a.kind().equals(kind)).toList();
        assertThat(found).as(kind + " in " + anomalies).hasSize(1);
        return found.get(0);
    }

    @Test
    void personalDataColumnsAreWarnedAboutWithMaskedExamples() {
        Table t = new CsvReader().read(Fixtures.bad("personal-data.csv"));
        List<Anomaly> anomalies = SchemaValidator.validate(SchemaInference.infer(t), t);
        Anomaly email = only(anomalies, "pii_email");
        assertThat(email.column()).isEqualTo("email");
        assertThat(email.severity()).isEqualTo(Severity.WARNING);
        assertThat(email.count()).isEqualTo(5);
        assertThat(email.examples().get(0).value()).doesNotContain("silva").startsWith("a").endsWith("om");
        assertThat(only(anomalies, "pii_phone").column()).isEqualTo("phone");
        assertThat(only(anomalies, "pii_card_number").count()).isEqualTo(6);
        // neither the customer ids nor the amounts are personal data
        assertThat(anomalies).noneMatch(a -> a.column().equals("customer") || a.column().equals("spend"));
    }

    @Test
    void luhnAcceptsTestCardsAndRejectsTypos() {
        assertThat(PersonalData.luhn("4111 1111 1111 1111")).isTrue();
        assertThat(PersonalData.luhn("4111 1111 1111 1112")).isFalse();
        assertThat(PersonalData.of("3.14159265358979")).isNull();
        assertThat(PersonalData.of("2021-08-14")).isNull();
    }

    @Test
    void missingShareAboveTheBoundIsAnError() {
        Table penguins = new CsvReader().read(Fixtures.dataset("penguins.csv"));
        Schema inferred = SchemaInference.infer(penguins);
        // sex is missing in 11 of 344 rows (3.2 %): inferred bound max(2 x 3.2 %, 3.2 % + 2) = 6.4 % -> 7 %
        assertThat(inferred.field("sex").orElseThrow().maxMissingFraction()).isEqualTo(0.07);
        Field strict = new Field("sex", FieldType.STRING, null, null, null, Constraints.NONE, 0.01, null);
        Anomaly missing = only(SchemaValidator.validate(new Schema(List.of(strict), null), penguins), "missing_fraction");
        assertThat(missing.count()).isEqualTo(11);
        assertThat(missing.severity()).isEqualTo(Severity.ERROR);
        assertThat(missing.message()).contains("3.2 %").contains("11 of 344");
        assertThat(missing.examples().get(0).line()).isEqualTo(5);
    }

    @Test
    void severityCanBeOverriddenPerColumnAndKind() {
        Table t = new CsvReader().read(Fixtures.bad("out-of-range.csv"));
        Field lenient = new Field("flipper_length_mm", FieldType.INTEGER, null, null, null,
                new Constraints(null, null, 166.0, 237.0, null, null, null, null), null,
                Map.of("out_of_range", Severity.WARNING));
        Anomaly range = only(SchemaValidator.validate(new Schema(List.of(lenient), null), t), "out_of_range");
        assertThat(range.severity()).isEqualTo(Severity.WARNING);
    }

    @Test
    void tooFewRowsAgainstTheSchemaMinimum() {
        Table t = new CsvReader().read(Fixtures.dataset("iris.csv"));
        Schema schema = SchemaInference.infer(t);
        Schema demanding = new Schema(schema.fields(), null, null, null, null, 1000L, null);
        assertThat(only(SchemaValidator.validate(demanding, t), "too_few_rows").message()).contains("150 data rows");
    }

    /** The personal-data verdict comes from the file's row sample: the same whatever the number of chunks. */
    @Test
    void personalDataVerdictDoesNotDependOnTheThreadCount(@TempDir Path dir)
            throws Exception {
        Path file = dir.resolve("customers.csv");
        StringBuilder csv = new StringBuilder("id,contact,spend\n");
        for (int i = 0; i < 200_000; i++) {
            // 60 % e-mail addresses, the rest free text: over the 50 % share that makes a warning
            csv.append(i).append(',').append(i % 5 < 3 ? "user" + i + "@example.org" : "call back " + i)
                    .append(',').append(i % 97).append('\n');
        }
        Files.writeString(file, csv);
        Schema schema = new Schema(List.of(new Field("id", FieldType.INTEGER, Constraints.NONE),
                new Field("contact", FieldType.STRING, Constraints.NONE),
                new Field("spend", FieldType.INTEGER, Constraints.NONE)), null);
        List<String> verdicts = new ArrayList<>();
        for (int threads : new int[] {1, 2, 4}) {
            RowSample.Shared shared = new RowSample.Shared(RowSample.DEFAULT_SIZE);
            ValidationPass pass = new CsvScanner(MissingValues.DEFAULT, false, threads)
                    .scan(file, columns -> new ValidationPass(schema, columns, shared)).sink();
            List<Anomaly> pii = pass.anomalies(pass.sample("customers.csv")).stream().filter(a -> a.kind().startsWith("pii_")).toList();
            assertThat(pii).as("%d threads", threads).hasSize(1);
            assertThat(pii.get(0).message()).contains("of 2000 values tested are e-mail addresses");
            verdicts.add(pii.get(0).message() + pii.get(0).count() + pii.get(0).examples());
        }
        assertThat(verdicts).as("1, 2 and 4 threads").containsOnly(verdicts.get(0));
    }
}
