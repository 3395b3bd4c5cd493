package io.jenkins.plugins.mlops.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.mlops.data.CsvReader;
import io.jenkins.plugins.mlops.data.Table;
import io.jenkins.plugins.mlops.schema.Schema;
import io.jenkins.plugins.mlops.schema.SchemaInference;
import io.jenkins.plugins.mlops.testing.Fixtures;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The column-wise transform of a table is, float for float, the row-wise transform of its values. */
class PreprocessorTest {
    @Test
    void columnsTransformAsTheRowsDoWithMissingValuesAndUnseenCategories() {
        Table raw = new CsvReader().read(Fixtures.dataset("penguins_raw.csv"));
        Schema schema = SchemaInference.infer(raw);
        List<String> features = List.of("Island", "Culmen Length (mm)", "Culmen Depth (mm)", "Flipper Length (mm)",
                "Body Mass (g)", "Sex", "Delta 15 N (o/oo)", "Clutch Completion");
        // fitted on the first 200 rows: later rows bring values and gaps the fit has not seen
        Preprocessor pre = Preprocessor.fit(raw.select(java.util.stream.IntStream.range(0, 200).toArray()), schema,
                "Species", Task.CLASSIFICATION, features);
        int width = pre.inputWidth();
        float[] bulk = pre.inputs(raw, 10, raw.rowCount());
        assertThat(bulk).hasSize((raw.rowCount() - 10) * width);
        for (int r = 10; r < raw.rowCount(); r++) {
            assertThat(Arrays.copyOfRange(bulk, (r - 10) * width, (r - 9) * width)).as("row %d", r)
                    .containsExactly(pre.transform(pre.featureValues(raw, r)));
        }
        float[] targets = pre.targets(raw);
        int species = raw.columnIndex("Species");
        for (int r = 0; r < raw.rowCount(); r++) {
            float[] row = Arrays.copyOfRange(targets, r * pre.outputWidth(), (r + 1) * pre.outputWidth());
            int k = pre.classes().indexOf(raw.value(r, species));
            float[] expected = new float[pre.outputWidth()];
            if (k >= 0) {
                expected[k] = 1f;
            }
            assertThat(row).as("row %d", r).containsExactly(expected);
        }
    }

    @Test
    void regressionTargetsAreStandardisedFromTheNumbers() {
        Table penguins = new CsvReader().read(Fixtures.dataset("penguins.csv"));
        Table labelled = penguins.filter(r -> !penguins.isMissing(r, penguins.columnIndex("body_mass_g")));
        Preprocessor pre = Preprocessor.fit(labelled, SchemaInference.infer(labelled), "body_mass_g", Task.REGRESSION,
                List.of("species", "flipper_length_mm"));
        float[] targets = pre.targets(labelled);
        int mass = labelled.columnIndex("body_mass_g");
        for (int r = 0; r < labelled.rowCount(); r++) {
            double expected = (Double.parseDouble(labelled.value(r, mass)) - pre.targetMean()) / pre.targetScale();
            assertThat(targets[r]).isEqualTo((float) expected);
        }
    }
}
