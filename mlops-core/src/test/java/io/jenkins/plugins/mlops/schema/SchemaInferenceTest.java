package io.jenkins.plugins.mlops.schema;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.mlops.contract.Json;
import io.jenkins.plugins.mlops.data.CsvReader;
import io.jenkins.plugins.mlops.data.CsvScanner;
import io.jenkins.plugins.mlops.data.MissingValues;
import io.jenkins.plugins.mlops.data.Table;
import io.jenkins.plugins.mlops.testing.Fixtures;
import io.jenkins.plugins.mlops.validation.Anomaly;
import io.jenkins.plugins.mlops.validation.SchemaValidator;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

class SchemaInferenceTest {
    @Test
    void penguinsTypesEnumsRangesAndRequired() {
        Schema schema = SchemaInference.infer(new CsvReader().read(Fixtures.dataset("penguins.csv")));
        Field species = schema.field("species").orElseThrow();
        assertThat(species.type()).isEqualTo(FieldType.STRING);
        assertThat(species.constraints().allowed()).containsExactly("Adelie", "Chinstrap", "Gentoo");
        assertThat(species.constraints().required()).isTrue();
        Field mass = schema.field("body_mass_g").orElseThrow();
        assertThat(mass.type()).isEqualTo(FieldType.INTEGER);
        // observed 2700..6300, widened by 10 % of the range
        assertThat(mass.constraints().minimum()).isEqualTo(2340.0);
        assertThat(mass.constraints().maximum()).isEqualTo(6660.0);
        assertThat(mass.constraints().required()).isNull();
        assertThat(schema.field("bill_length_mm").orElseThrow().type()).isEqualTo(FieldType.NUMBER);
        assertThat(schema.field("sex").orElseThrow().constraints().allowed()).containsExactly("female", "male");
    }

    @Test
    void identifiersAndDatesAreNotEnums() {
        Schema schema = SchemaInference.infer(new CsvReader().read(Fixtures.dataset("penguins_raw.csv")));
        assertThat(schema.field("Individual ID").orElseThrow().constraints().allowed()).isNull();
        assertThat(schema.field("Date Egg").orElseThrow().type()).isEqualTo(FieldType.DATE);
        assertThat(schema.field("Delta 15 N (o/oo)").orElseThrow().type()).isEqualTo(FieldType.NUMBER);
    }

    @Test
    void typeComesFromAllValuesNotTheFirstRows() {
        assertThat(SchemaInference.inferType(List.of("1", "2", "3", "4.5"))).isEqualTo(FieldType.NUMBER);
        assertThat(SchemaInference.inferType(List.of("1", "2", "x"))).isEqualTo(FieldType.STRING);
        assertThat(SchemaInference.inferType(List.of("true", "FALSE"))).isEqualTo(FieldType.BOOLEAN);
        assertThat(SchemaInference.inferType(List.of("1d", "2f"))).isEqualTo(FieldType.STRING);
    }

    static List<Path> datasets() {
        return Fixtures.datasets();
    }

    @ParameterizedTest
    @MethodSource("datasets")
    void inferredSchemaAcceptsItsOwnData(Path file) {
        Table table = new CsvReader().read(file);
        List<Anomaly> anomalies = SchemaValidator.validate(SchemaInference.infer(table), table);
        assertThat(anomalies).isEmpty();
    }

    /** The table's columns (numbers as doubles, text by distinct value) give the schema the streaming pass gives. */
    @ParameterizedTest
    @MethodSource("datasets")
    void columnsInferTheSchemaOfTheStreamingPass(Path file) throws Exception {
        Schema streamed = new CsvScanner(MissingValues.DEFAULT, false, 2).scan(file, SchemaInference::new).sink().schema();
        assertThat(Json.JSON.writeValueAsString(SchemaInference.infer(new CsvReader().read(file))))
                .isEqualTo(Json.JSON.writeValueAsString(streamed));
    }

    @Test
    void selectedRowsInferFromTheirOwnValuesOnly() {
        Table penguins = new CsvReader().read(Fixtures.dataset("penguins.csv"));
        int species = penguins.columnIndex("species");
        Table adelie = penguins.filter(r -> "Adelie".equals(penguins.value(r, species)));
        assertThat(SchemaInference.infer(adelie).field("species").orElseThrow().constraints().allowed())
                .containsExactly("Adelie");
    }
}
