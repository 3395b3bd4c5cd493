package io.jenkins.plugins.mlops.train;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.mlops.testing.Fixtures;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;

class TrainingLoopTest {
    private static final PrintStream QUIET = new PrintStream(OutputStream.nullOutputStream());

    /** The per-epoch scoring's one pass gives what net.score and net.output give, penalty and batch norm included. */
    @ParameterizedTest
    @ValueSource(strings = {"{hidden: [8, 4], batchNorm: true}", "{hidden: []}"})
    void onePassGivesTheLossOfScoreAndTheOutputsOfOutput(String model, @TempDir Path tmp) throws Exception {
        Path spec = Files.writeString(tmp.resolve("iris.yaml"), "task: classification\nlabel: target\nseed: 3\n"
                + "model: " + model + "\ntraining: {epochs: 3, batchSize: 16, l2: 0.01}\n");
        TrainStep.Prepared p = TrainStep.prepare(TrainSpec.read(spec), spec, Fixtures.dataset("iris.csv"));
        TrainStep.Fitted fitted = TrainStep.fit(p, p.train(), p.holdout(), 3, QUIET);
        INDArray[] xy = NetworkSetup.arrays(fitted.pre(), p.holdout());
        // the training layers installed, as while the loop runs
        TrainingLoop loop = new TrainingLoop(fitted.net(), 16, 1, 3, QUIET);
        TrainingLoop.Scored scored = loop.scored(xy[0], xy[1]);
        assertThat(scored.loss()).isEqualTo(fitted.net().score(new DataSet(xy[0], xy[1]), false));
        assertThat(scored.output().toFloatMatrix()).isEqualTo(fitted.net().output(xy[0], false).toFloatMatrix());
    }

    /**
     * A plain network scores its 10 788 hold-out rows a batch at a time: the mean loss of all of them (the
     * chunks' sums added in another order: rounding only) and the same outputs.
     */
    @ParameterizedTest
    @ValueSource(strings = {"classification\nlabel: cut", "regression\nlabel: price"})
    void scoringInBatchesGivesTheLossOfScoreAndTheOutputsOfOutput(String task, @TempDir Path tmp) throws Exception {
        Path spec = Files.writeString(tmp.resolve("diamonds.yaml"), "task: " + task + "\nseed: 3\n"
                + "model: {hidden: [16]}\ntraining: {epochs: 1, batchSize: 256, l2: 0.01}\n");
        TrainStep.Prepared p = TrainStep.prepare(TrainSpec.read(spec), spec, Fixtures.dataset("diamonds.csv"));
        TrainStep.Fitted fitted = TrainStep.fit(p, p.train(), p.holdout(), 1, QUIET);
        INDArray[] xy = NetworkSetup.arrays(fitted.pre(), p.holdout());
        TrainingLoop.Scored scored = new TrainingLoop(fitted.net(), 256, 1, 3, QUIET).scored(xy[0], xy[1]);
        assertThat(xy[0].rows()).isGreaterThan(10_000);
        assertThat(DirectTrainingStep.of(fitted.net())).as("scored by the direct step").isNotNull();
        double expected = fitted.net().score(new DataSet(xy[0], xy[1]), false);
        assertThat(scored.loss()).isCloseTo(expected, org.assertj.core.data.Offset.offset(1e-6 * expected));
        INDArray output = fitted.net().output(xy[0], false);
        assertThat(TrainingDenseLayerTest.largestRelativeDifference(scored.output(), output)).isLessThan(1e-6);
    }
}
