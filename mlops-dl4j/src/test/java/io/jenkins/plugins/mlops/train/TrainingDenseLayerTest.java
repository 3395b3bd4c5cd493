package io.jenkins.plugins.mlops.train;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.mlops.data.CsvReader;
import io.jenkins.plugins.mlops.data.Table;
import io.jenkins.plugins.mlops.testing.Fixtures;
import java.util.List;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.impl.LossMCXENT;

/** Our training pass of the dense layer against DL4J's own, on the wine data set's standardised rows. */
class TrainingDenseLayerTest {
    private static final List<String> LABELS = List.of("class_0", "class_1", "class_2");

    /** The 178 wine rows, each feature standardised, and the one-hot class. */
    static DataSet wine() {
        Table table = new CsvReader().read(Fixtures.dataset("wine.csv"));
        int features = table.columns().size() - 1;
        float[][] x = new float[table.rowCount()][features];
        float[][] y = new float[table.rowCount()][LABELS.size()];
        for (int r = 0; r < table.rowCount(); r++) {
            for (int c = 0; c < features; c++) {
                x[r][c] = Float.parseFloat(table.value(r, c));
            }
            y[r][LABELS.indexOf(table.value(r, features))] = 1;
        }
        INDArray features2d = Nd4j.create(x);
        features2d.subiRowVector(features2d.mean(0)).diviRowVector(features2d.std(0));
        return new DataSet(features2d, Nd4j.create(y));
    }

    static MultiLayerNetwork network(String activation, double dropout) {
        NeuralNetConfiguration.ListBuilder layers = new NeuralNetConfiguration.Builder().seed(7)
                .dataType(DataType.FLOAT).weightInit(WeightInit.XAVIER).updater(new Adam(1e-2)).l2(1e-4).list();
        DenseLayer.Builder first = new DenseLayer.Builder().nIn(13).nOut(32).activation(Activation.fromString(activation));
        DenseLayer.Builder second = new DenseLayer.Builder().nIn(32).nOut(16).activation(Activation.fromString(activation));
        if (dropout > 0) {
            // DL4J takes the probability of keeping; the second layer drops in place on the first one's output
            first.dropOut(1 - dropout);
            second.dropOut(1 - dropout);
        }
        MultiLayerNetwork net = new MultiLayerNetwork(layers.layer(first.build())
                .layer(second.build())
                .layer(new OutputLayer.Builder(new LossMCXENT()).nIn(16).nOut(3).activation(Activation.SOFTMAX).build())
                .build());
        net.init();
        return net;
    }

    static double largestRelativeDifference(INDArray a, INDArray b) {
        return a.sub(b).amaxNumber().doubleValue() / Math.max(1e-12, b.amaxNumber().doubleValue());
    }

    @ParameterizedTest
    @ValueSource(strings = {"relu", "tanh", "leakyrelu"})
    void gradientsAndTrainedWeightsAgreeWithDl4j(String activation) {
        DataSet wine = wine();
        MultiLayerNetwork dl4j = network(activation, 0);
        MultiLayerNetwork ours = network(activation, 0);
        TrainingDenseLayer.install(ours);
        assertThat(ours.getLayer(0)).isInstanceOf(TrainingDenseLayer.class);
        assertThat(ours.getLayer(2)).isNotInstanceOf(TrainingDenseLayer.class);
        assertThat(ours.params()).isEqualTo(dl4j.params());

        computeGradients(wine, dl4j, ours);
        INDArray expected = dl4j.gradient().gradient();
        assertThat(expected.amaxNumber().doubleValue()).isGreaterThan(1e-3);
        // the same sums in another order: float rounding only
        assertThat(largestRelativeDifference(ours.gradient().gradient(), expected)).isLessThan(1e-5);
        assertThat(ours.score()).isCloseTo(dl4j.score(), org.assertj.core.data.Offset.offset(1e-5));

        assertTrainsAlike(dl4j, ours, wine);
    }

    /** One forward and backward pass of each network over the data, with the same dropout draws. */
    private static void computeGradients(DataSet data, MultiLayerNetwork... nets) {
        for (MultiLayerNetwork net : nets) {
            Nd4j.getRandom().setSeed(11);
            net.setInput(data.getFeatures());
            net.setLabels(data.getLabels());
            net.computeGradientAndScore();
        }
    }

    /** 30 full-batch steps: the rounding differences stay small and both fit the data. */
    static void assertTrainsAlike(MultiLayerNetwork dl4j, MultiLayerNetwork ours, DataSet data) {
        for (int epoch = 0; epoch < 30; epoch++) {
            dl4j.fit(data);
            ours.fit(data);
        }
        assertThat(largestRelativeDifference(ours.params(), dl4j.params())).isLessThan(1e-3);
        assertThat(ours.score(data)).isLessThan(0.1);
    }

    @Test
    void dropoutTrainsTheSameWayAndTheStoredConfigurationStaysDl4js() {
        DataSet wine = wine();
        MultiLayerNetwork dl4j = network("relu", 0.3);
        MultiLayerNetwork ours = network("relu", 0.3);
        TrainingDenseLayer.install(ours);
        computeGradients(wine, dl4j, ours);
        assertThat(largestRelativeDifference(ours.gradient().gradient(), dl4j.gradient().gradient())).isLessThan(1e-5);
        assertThat(ours.getLayerWiseConfigurations().toJson()).isEqualTo(dl4j.getLayerWiseConfigurations().toJson());
    }

    @Test
    void batchNormalisationAfterADenseLayerSeesItsOutputUnchanged() {
        DataSet wine = wine();
        List<MultiLayerNetwork> nets = new java.util.ArrayList<>();
        for (int i = 0; i < 2; i++) {
            MultiLayerNetwork net = new MultiLayerNetwork(new NeuralNetConfiguration.Builder().seed(7)
                    .dataType(DataType.FLOAT).weightInit(WeightInit.XAVIER).updater(new Adam(1e-2)).list()
                    .layer(new DenseLayer.Builder().nIn(13).nOut(32).activation(Activation.RELU).build())
                    .layer(new org.deeplearning4j.nn.conf.layers.BatchNormalization.Builder().nOut(32).build())
                    .layer(new DenseLayer.Builder().nIn(32).nOut(16).activation(Activation.RELU).build())
                    .layer(new OutputLayer.Builder(new LossMCXENT()).nIn(16).nOut(3).activation(Activation.SOFTMAX).build())
                    .build());
            net.init();
            nets.add(net);
        }
        MultiLayerNetwork dl4j = nets.get(0);
        MultiLayerNetwork ours = nets.get(1);
        TrainingDenseLayer.install(ours);
        assertThat(ours.getLayer(2)).isInstanceOf(TrainingDenseLayer.class);
        computeGradients(wine, dl4j, ours);
        assertThat(largestRelativeDifference(ours.gradient().gradient(), dl4j.gradient().gradient())).isLessThan(1e-5);
        assertTrainsAlike(dl4j, ours, wine);
    }

    @Test
    void afterTrainingTheNetworkHasDl4jsLayersAgainAndStillTrains() {
        DataSet wine = wine();
        MultiLayerNetwork ours = network("relu", 0);
        Layer[] dl4jLayers = TrainingDenseLayer.install(ours);
        for (int epoch = 0; epoch < 5; epoch++) {
            ours.fit(wine);
        }
        TrainingDenseLayer.restore(ours, dl4jLayers);
        for (Layer layer : ours.getLayers()) {
            assertThat(layer).isNotInstanceOf(TrainingDenseLayer.class);
        }
        MultiLayerNetwork fresh = network("relu", 0);
        fresh.setParams(ours.params());
        assertThat(largestRelativeDifference(ours.output(wine.getFeatures()), fresh.output(wine.getFeatures())))
                .isLessThan(1e-6);
        // DL4J's layers got the gradient views: the network trains on
        double before = ours.score(wine);
        ours.fit(wine);
        assertThat(ours.score(wine)).isLessThan(before);
    }
}
