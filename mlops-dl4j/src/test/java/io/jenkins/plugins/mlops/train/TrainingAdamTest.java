package io.jenkins.plugins.mlops.train;

import static io.jenkins.plugins.mlops.train.TrainingDenseLayerTest.assertTrainsAlike;
import static io.jenkins.plugins.mlops.train.TrainingDenseLayerTest.largestRelativeDifference;
import static io.jenkins.plugins.mlops.train.TrainingDenseLayerTest.network;
import static io.jenkins.plugins.mlops.train.TrainingDenseLayerTest.wine;
import static org.assertj.core.api.Assertions.assertThat;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.updater.BaseMultiLayerUpdater;
import org.deeplearning4j.nn.updater.UpdaterBlock;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.AdamUpdater;
import org.nd4j.linalg.learning.config.Adam;

/** Our Adam step against ND4J's fused op. */
class TrainingAdamTest {
    @Test
    void stepsMatchNd4jsOpOnTheSameGradients() {
        Adam config = new Adam(1e-2);
        int n = 1000;
        AdamUpdater dl4j = (AdamUpdater) config.instantiate(Nd4j.zeros(DataType.FLOAT, 1, 2 * n), true);
        TrainingAdam ours = TrainingAdam.of((AdamUpdater) config.instantiate(Nd4j.zeros(DataType.FLOAT, 1, 2 * n), true));
        Nd4j.getRandom().setSeed(3);
        for (int iteration = 0; iteration < 20; iteration++) {
            INDArray gradient = Nd4j.randn(DataType.FLOAT, 1, n).muli(iteration % 2 == 0 ? 1 : 1e-3);
            INDArray expected = gradient.dup();
            INDArray actual = gradient.dup();
            dl4j.applyUpdater(expected, iteration, 0);
            ours.applyUpdater(actual, iteration, 0);
            assertThat(actual).isNotEqualTo(gradient); // written in place, as DL4J's
            assertThat(largestRelativeDifference(actual, expected)).isLessThan(1e-5);
        }
        assertThat(largestRelativeDifference(ours.getV(), dl4j.getV())).isLessThan(1e-5);
    }

    @Test
    void aNetworkTrainsAsWithDl4jsAdam() {
        DataSet wine = wine();
        MultiLayerNetwork dl4j = network("relu", 0);
        MultiLayerNetwork ours = network("relu", 0);
        TrainingAdam.install(ours);
        for (UpdaterBlock block : ((BaseMultiLayerUpdater<?>) ours.getUpdater()).getUpdaterBlocks()) {
            assertThat(block.getGradientUpdater()).isInstanceOf(TrainingAdam.class);
        }
        assertTrainsAlike(dl4j, ours, wine);
    }
}
