package io.jenkins.plugins.mlops.train;

import static io.jenkins.plugins.mlops.train.DirectTrainingStepTest.assertTrainsAsFitDoes;
import static io.jenkins.plugins.mlops.train.DirectTrainingStepTest.network;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
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

/** The plain-Java step against DL4J's fit on the wine rows (13-32-16-3, batches of 50): the same scores and weights. */
class SmallNetworkStepTest {
    private static MultiLayerNetwork classifier(String activation, LossMCXENT loss) {
        return network(activation, new Adam(1e-2), 0, 0, loss, Activation.SOFTMAX, 3);
    }

    @ParameterizedTest
    @ValueSource(strings = {"relu", "tanh", "sigmoid", "identity"})
    void classificationTrainsAsFitDoes(String activation) {
        MultiLayerNetwork ours = classifier(activation, new LossMCXENT());
        assertTrainsAsFitDoes(classifier(activation, new LossMCXENT()), ours, TrainingDenseLayerTest.wine(),
                SmallNetworkStep.of(ours, 50));
    }

    @Test
    void weightedClassesTrainAsFitDoes() {
        INDArray weights = Nd4j.createFromArray(0.5, 2.0, 1.0);
        MultiLayerNetwork ours = classifier("relu", new LossMCXENT(weights));
        assertTrainsAsFitDoes(classifier("relu", new LossMCXENT(weights)), ours, TrainingDenseLayerTest.wine(),
                SmallNetworkStep.of(ours, 50));
    }

    @Test
    void regressionTrainsAsFitDoes() {
        DataSet wine = TrainingDenseLayerTest.wine();
        DataSet regression = new DataSet(wine.getFeatures(), wine.getFeatures().getColumn(0).reshape(-1, 1).dup());
        MultiLayerNetwork ours = network("tanh", new Adam(1e-2), 0, 0, new LossMSE(), Activation.IDENTITY, 1);
        assertTrainsAsFitDoes(network("tanh", new Adam(1e-2), 0, 0, new LossMSE(), Activation.IDENTITY, 1), ours,
                regression, SmallNetworkStep.of(ours, 50));
    }

    @Test
    void scoresAsNetScoreDoes() {
        DataSet wine = TrainingDenseLayerTest.wine();
        MultiLayerNetwork net = classifier("relu", new LossMCXENT());
        net.fit(wine);
        TrainingLoop.Scored scored = SmallNetworkStep.of(net, 50).score(wine.getFeatures(), wine.getLabels());
        assertThat(scored.loss()).isCloseTo(net.score(wine, false), within(1e-5));
        assertThat(TrainingDenseLayerTest.largestRelativeDifference(scored.output(), net.output(wine.getFeatures())))
                .isLessThan(1e-5);
    }

    /** What it does not compute as DL4J does, and networks too large for loops to beat BLAS, are left to others. */
    @Test
    void otherNetworksAreLeftToTheOtherTrainers() {
        assertThat(SmallNetworkStep.of(classifier("relu", new LossMCXENT()), 50)).isNotNull();
        assertThat(SmallNetworkStep.of(classifier("relu", new LossMCXENT()), 1_000)).as("too much work").isNull();
        assertThat(SmallNetworkStep.of(classifier("elu", new LossMCXENT()), 50)).as("ELU").isNull();
        assertThat(SmallNetworkStep.of(network("relu", new Sgd(0.1), 0, 0, new LossMCXENT(), Activation.SOFTMAX, 3),
                50)).as("SGD").isNull();
        assertThat(SmallNetworkStep.of(network("relu", new Adam(1e-2), 1e-4, 0, new LossMCXENT(), Activation.SOFTMAX,
                3), 50)).as("L2").isNull();
        assertThat(SmallNetworkStep.of(network("relu", new Adam(1e-2), 0, 0, new LossL1(), Activation.IDENTITY, 1),
                50)).as("mean absolute error").isNull();
        assertThat(SmallNetworkStep.of(TrainingDenseLayerTest.network("relu", 0.3), 50)).as("dropout").isNull();
    }
}
