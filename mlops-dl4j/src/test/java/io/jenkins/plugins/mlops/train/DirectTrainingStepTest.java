package io.jenkins.plugins.mlops.train;

import static io.jenkins.plugins.mlops.train.TrainingDenseLayerTest.largestRelativeDifference;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.deeplearning4j.optimize.listeners.ScoreIterationListener;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.learning.config.Nesterovs;
import org.nd4j.linalg.learning.config.Sgd;
import org.nd4j.linalg.lossfunctions.ILossFunction;
import org.nd4j.linalg.lossfunctions.impl.LossMCXENT;
import org.nd4j.linalg.lossfunctions.impl.LossMSE;

/**
 * Our step against DL4J's fit on the wine rows, in mini-batches (the last one shorter): the same
 * scores and weights, to float rounding, over a range of the networks the spec can ask for.
 */
class DirectTrainingStepTest {
    static MultiLayerNetwork network(String activation, IUpdater updater, double l2, double weightDecay,
                                             ILossFunction loss, Activation output, int outputs) {
        NeuralNetConfiguration.Builder builder = new NeuralNetConfiguration.Builder().seed(7).dataType(DataType.FLOAT)
                .weightInit(WeightInit.XAVIER).updater(updater);
        if (l2 > 0) {
            builder.l2(l2);
        }
        if (weightDecay > 0) {
            builder.weightDecay(weightDecay);
        }
        MultiLayerNetwork net = new MultiLayerNetwork(builder.list()
                .layer(new DenseLayer.Builder().nIn(13).nOut(32).activation(Activation.fromString(activation)).build())
                .layer(new DenseLayer.Builder().nIn(32).nOut(16).activation(Activation.fromString(activation)).build())
                .layer(new OutputLayer.Builder(loss).nIn(16).nOut(outputs).activation(output).build())
                .build());
        net.init();
        return net;
    }

    /** Ten epochs of batches of 50 rows (the fourth of each epoch has 28): fit on one network, our step on the other. */
    private static void assertTrainsAsFitDoes(MultiLayerNetwork dl4j, MultiLayerNetwork ours, DataSet data) {
        assertTrainsAsFitDoes(dl4j, ours, data, DirectTrainingStep.of(ours));
    }

    static void assertTrainsAsFitDoes(MultiLayerNetwork dl4j, MultiLayerNetwork ours, DataSet data, BatchTrainer step) {
        assertThat(step).isNotNull();
        assertThat(ours.params()).isEqualTo(dl4j.params());
        long rows = data.numExamples();
        for (int epoch = 0; epoch < 10; epoch++) {
            for (long from = 0; from < rows; from += 50) {
                long to = Math.min(rows, from + 50);
                INDArray x = data.getFeatures().get(NDArrayIndex.interval(from, to), NDArrayIndex.all());
                INDArray y = data.getLabels().get(NDArrayIndex.interval(from, to), NDArrayIndex.all());
                dl4j.fit(new DataSet(x, y));
                double score = step.fit(x, y);
                assertThat(score).isCloseTo(dl4j.score(), within(1e-4 * Math.max(1, dl4j.score())));
            }
        }
        assertThat(ours.getIterationCount()).isEqualTo(dl4j.getIterationCount()).isEqualTo(40);
        // the same operations with the bias added and summed by GEMMs: float rounding only
        assertThat(largestRelativeDifference(ours.params(), dl4j.params())).isLessThan(1e-3);
        assertThat(ours.getLayerWiseConfigurations().toJson()).isEqualTo(dl4j.getLayerWiseConfigurations().toJson());
        INDArray state = dl4j.getUpdater().getStateViewArray();
        if (step instanceof SmallNetworkStep || step instanceof BlasNetworkStep) {
            // its Adam moments are its own
            return;
        }
        if (state == null) {
            // plain SGD keeps none
            assertThat(ours.getUpdater().getStateViewArray()).isNull();
        } else {
            assertThat(largestRelativeDifference(ours.getUpdater().getStateViewArray(), state)).isLessThan(1e-3);
        }
    }

    @ParameterizedTest
    @CsvSource({"relu, adam, 0, 0", "tanh, adam, 1e-3, 0", "sigmoid, sgd, 0, 0", "leakyrelu, nesterovs, 0, 1e-3",
        "elu, adam, 0, 1e-4"})
    void classificationTrainsAsFitDoes(String activation, String optimizer, double l2, double weightDecay) {
        DataSet wine = TrainingDenseLayerTest.wine();
        IUpdater updater = switch (optimizer) {
            case "sgd" -> new Sgd(0.1);
            case "nesterovs" -> new Nesterovs(0.05, 0.9);
            default -> new Adam(1e-2);
        };
        assertTrainsAsFitDoes(network(activation, updater, l2, weightDecay, new LossMCXENT(), Activation.SOFTMAX, 3),
                network(activation, updater.clone(), l2, weightDecay, new LossMCXENT(), Activation.SOFTMAX, 3), wine);
    }

    @Test
    void weightedClassesTrainAsFitDoes() {
        INDArray weights = Nd4j.createFromArray(0.5, 2.0, 1.0);
        assertTrainsAsFitDoes(network("relu", new Adam(1e-2), 0, 0, new LossMCXENT(weights), Activation.SOFTMAX, 3),
                network("relu", new Adam(1e-2), 0, 0, new LossMCXENT(weights), Activation.SOFTMAX, 3),
                TrainingDenseLayerTest.wine());
    }

    @Test
    void regressionTrainsAsFitDoes() {
        DataSet wine = TrainingDenseLayerTest.wine();
        // the first feature (standardised alcohol) as the target of the others
        DataSet regression = new DataSet(wine.getFeatures(), wine.getFeatures().getColumn(0).reshape(-1, 1).dup());
        assertTrainsAsFitDoes(network("relu", new Adam(1e-2), 0, 0, new LossMSE(), Activation.IDENTITY, 1),
                network("relu", new Adam(1e-2), 0, 0, new LossMSE(), Activation.IDENTITY, 1), regression);
    }

    @Test
    void networksItDoesNotComputeExactlyAreLeftToFit() {
        MultiLayerNetwork withDropout = TrainingDenseLayerTest.network("relu", 0.3);
        assertThat(DirectTrainingStep.of(withDropout)).isNull();
        MultiLayerNetwork listened = TrainingDenseLayerTest.network("relu", 0);
        listened.setListeners(new ScoreIterationListener(1));
        assertThat(DirectTrainingStep.of(listened)).isNull();
        assertThat(DirectTrainingStep.of(TrainingDenseLayerTest.network("relu", 0))).isNotNull();
    }
}
