package io.jenkins.plugins.mlops.train;

import static io.jenkins.plugins.mlops.train.DirectTrainingStepTest.assertTrainsAsFitDoes;
import static io.jenkins.plugins.mlops.train.DirectTrainingStepTest.network;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.Sgd;
import org.nd4j.linalg.lossfunctions.impl.LossL1;
import org.nd4j.linalg.lossfunctions.impl.LossMCXENT;
import org.nd4j.linalg.lossfunctions.impl.LossMSE;

/**
 * The plain-Java step ({@link SmallNetworkStep}) and the BLAS one ({@link BlasNetworkStep}) against DL4J's fit
 * on the wine rows (13-32-16-3, batches of 50): the same scores and weights.
 */
class PlainNetworkStepsTest {
    private static MultiLayerNetwork classifier(String activation, LossMCXENT loss) {
        return network(activation, new Adam(1e-2), 0, 0, loss, Activation.SOFTMAX, 3);
    }

    private static BatchTrainer step(String kind, MultiLayerNetwork net) {
        return kind.equals("blas") ? BlasNetworkStep.of(net) : SmallNetworkStep.of(net, 50);
    }

    @ParameterizedTest
    @CsvSource({"relu, small", "tanh, small", "sigmoid, small", "identity, small", "relu, blas", "tanh, blas",
        "sigmoid, blas", "identity, blas"})
    void classificationTrainsAsFitDoes(String activation, String kind) {
        MultiLayerNetwork ours = classifier(activation, new LossMCXENT());
        assertTrainsAsFitDoes(classifier(activation, new LossMCXENT()), ours, TrainingDenseLayerTest.wine(),
                step(kind, ours));
    }

    @ParameterizedTest
    @ValueSource(strings = {"small", "blas"})
    void weightedClassesTrainAsFitDoes(String kind) {
        INDArray weights = Nd4j.createFromArray(0.5, 2.0, 1.0);
        MultiLayerNetwork ours = classifier("relu", new LossMCXENT(weights));
        assertTrainsAsFitDoes(classifier("relu", new LossMCXENT(weights)), ours, TrainingDenseLayerTest.wine(),
                step(kind, ours));
    }

    @ParameterizedTest
    @ValueSource(strings = {"small", "blas"})
    void regressionTrainsAsFitDoes(String kind) {
        DataSet wine = TrainingDenseLayerTest.wine();
        DataSet regression = new DataSet(wine.getFeatures(), wine.getFeatures().getColumn(0).reshape(-1, 1).dup());
        MultiLayerNetwork ours = network("tanh", new Adam(1e-2), 0, 0, new LossMSE(), Activation.IDENTITY, 1);
        assertTrainsAsFitDoes(network("tanh", new Adam(1e-2), 0, 0, new LossMSE(), Activation.IDENTITY, 1), ours,
                regression, step(kind, ours));
    }

    /** Seven times the wine rows, more than the BLAS step scores at a time: as net.score and net.output give them. */
    @ParameterizedTest
    @ValueSource(strings = {"small", "blas"})
    void scoresAsNetScoreDoes(String kind) {
        DataSet wine = TrainingDenseLayerTest.wine();
        INDArray[] features = new INDArray[7];
        INDArray[] labels = new INDArray[7];
        Arrays.fill(features, wine.getFeatures());
        Arrays.fill(labels, wine.getLabels());
        DataSet many = new DataSet(Nd4j.vstack(features), Nd4j.vstack(labels));
        MultiLayerNetwork net = classifier("relu", new LossMCXENT());
        net.fit(wine);
        TrainingLoop.Scored scored = step(kind, net).score(many.getFeatures(), many.getLabels());
        assertThat(scored.loss()).isCloseTo(net.score(many, false), within(1e-5));
        assertThat(TrainingDenseLayerTest.largestRelativeDifference(scored.output(), net.output(many.getFeatures())))
                .isLessThan(1e-5);
    }

    /** What they do not compute as DL4J does, and networks too large for loops to beat BLAS, are left to others. */
    @Test
    void otherNetworksAreLeftToTheOtherTrainers() {
        assertThat(SmallNetworkStep.of(classifier("relu", new LossMCXENT()), 50)).isNotNull();
        assertThat(SmallNetworkStep.of(classifier("relu", new LossMCXENT()), 1_000)).as("too much work").isNull();
        assertThat(BlasNetworkStep.of(classifier("relu", new LossMCXENT()))).as("any size").isNotNull();
        for (MultiLayerNetwork other : new MultiLayerNetwork[] {classifier("elu", new LossMCXENT()),
            network("relu", new Sgd(0.1), 0, 0, new LossMCXENT(), Activation.SOFTMAX, 3),
            network("relu", new Adam(1e-2), 1e-4, 0, new LossMCXENT(), Activation.SOFTMAX, 3),
            network("relu", new Adam(1e-2), 0, 0, new LossL1(), Activation.IDENTITY, 1),
            TrainingDenseLayerTest.network("relu", 0.3)}) {
            // ELU, SGD, L2, mean absolute error, dropout
            assertThat(SmallNetworkStep.of(other, 50)).isNull();
            assertThat(BlasNetworkStep.of(other)).isNull();
        }
    }
}
