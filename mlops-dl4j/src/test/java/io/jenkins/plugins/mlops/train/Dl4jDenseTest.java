package io.jenkins.plugins.mlops.train;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.mlops.data.CsvReader;
import io.jenkins.plugins.mlops.data.Table;
import io.jenkins.plugins.mlops.model.DenseNetwork;
import io.jenkins.plugins.mlops.model.Network;
import io.jenkins.plugins.mlops.model.PackagedModel;
import io.jenkins.plugins.mlops.model.Preprocessor;
import io.jenkins.plugins.mlops.testing.Fixtures;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The plain-Java network against DL4J's own output, on the real rows of the data it was trained on. */
class Dl4jDenseTest {
    private static final PrintStream QUIET = new PrintStream(OutputStream.nullOutputStream());

    private static Path train(Path dir, String dataset, String extra) throws Exception {
        Path spec = dir.resolve("spec.yaml");
        Files.writeString(spec, extra + "\nseed: 5\ntraining: {epochs: 8}\n");
        TrainStep.run(spec, Fixtures.dataset(dataset), dir.resolve("out"), QUIET);
        return dir.resolve("out/model");
    }

    /** Every row of the data set, through the package's preprocessing. */
    private static float[][] inputs(Path model, String dataset) {
        Preprocessor pre = PackagedModel.load(model).preprocessor();
        Table table = new CsvReader().read(Fixtures.dataset(dataset));
        float[][] rows = new float[table.rowCount()][];
        for (int r = 0; r < rows.length; r++) {
            rows[r] = pre.transform(pre.featureValues(table, r));
        }
        return rows;
    }

    private static void assertReproduces(Path model, String dataset) {
        MultiLayerNetwork net = Dl4jNetwork.read(model);
        DenseNetwork dense = Dl4jDense.convert(net).orElseThrow();
        float[][] x = inputs(model, dataset);
        double difference = DenseNetwork.largestDifference(dense.output(x), new Dl4jNetwork(net).output(x));
        // float32 rounding in a different order: a few units in the fifth decimal at most
        assertThat(difference).isLessThan(Dl4jDense.TOLERANCE);
        assertThat(new Dl4jNetwork.Loader().load(model, null)).isInstanceOf(DenseNetwork.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"relu", "tanh", "sigmoid", "leakyrelu", "elu", "selu", "swish", "identity"})
    void everyActivationOfTheSpecMatchesDl4j(String activation, @TempDir Path dir) throws Exception {
        Path model = train(dir, "penguins.csv", "task: classification\nlabel: species\nmodel:\n  layers:\n"
                + "    - {units: 16, activation: " + activation + ", dropout: 0.2, batchNorm: true}\n"
                + "    - {units: 8, activation: " + activation + "}");
        assertReproduces(model, "penguins.csv");
    }

    @Test
    void regressionMatchesDl4j(@TempDir Path dir) throws Exception {
        assertReproduces(train(dir, "diabetes.csv", "task: regression\nlabel: target\nmodel: {hidden: [16, 8]}"),
                "diabetes.csv");
    }

    /** An activation the plain form does not know stays with DL4J rather than being guessed. */
    @Test
    void geluStaysWithDl4j(@TempDir Path dir) throws Exception {
        Path model = train(dir, "penguins.csv", "task: classification\nlabel: species\nmodel: {hidden: [8], activation: gelu}");
        assertThat(Dl4jDense.convert(Dl4jNetwork.read(model))).isEmpty();
        Network loaded = new Dl4jNetwork.Loader().load(model, null);
        assertThat(loaded).isInstanceOf(Dl4jNetwork.class);
    }
}
