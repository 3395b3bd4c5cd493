package io.jenkins.plugins.mlops.train;

import io.jenkins.plugins.mlops.data.Shuffle;
import io.jenkins.plugins.mlops.model.Task;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.layers.BaseOutputLayer;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * Mini-batch training with our own seeded shuffle (DL4J's iterators shuffle with unseeded
 * randomness), recording per-epoch loss on both splits (training: the mean over the epoch's batches) and the hold-out metric, stopping early on
 * a validation set when asked (keeping the best epoch's weights), and stopping at once when the
 * loss stops being a number.
 */
final class TrainingLoop {
    /**
     * @param validationLoss per epoch on the early-stopping validation rows, what stopping and the choice of model
     *     watch; null without early stopping
     * @param bestEpoch 1-based; the epoch whose weights were kept
     */
    public record Curves(double[] trainLoss, double[] holdoutLoss, double[] holdoutMetric, double[] validationLoss,
                         String metricName, boolean stoppedEarly, int bestEpoch) {
        Curves truncated(int epochs, boolean early, int best) {
            return new Curves(Arrays.copyOf(trainLoss, epochs), Arrays.copyOf(holdoutLoss, epochs),
                    Arrays.copyOf(holdoutMetric, epochs), validationLoss == null ? null
                    : Arrays.copyOf(validationLoss, epochs), metricName, early, best);
        }
    }

    private final MultiLayerNetwork net;
    private final int batchSize;
    private final int epochs;
    private final long seed;
    private final PrintStream progress;
    /** The shuffled copies of the training rows, allocated once: a fresh 30 MB array per epoch costs 5 %. */
    private INDArray shuffledX;
    private INDArray shuffledY;
    /** DL4J's own layers, back in the network when {@link #fit} returns: ours are for training only. */
    private final Layer[] dl4jLayers;
    /** Our own steps where they compute what fit would, plain Java for a small network; null: fit trains it. */
    private final BatchTrainer trainer;
    /** Standard output is an interactive terminal (not a pipe, a file or a CI log). */
    static final boolean TERMINAL = System.console() != null && System.getenv("CI") == null
            && System.getenv("JENKINS_URL") == null;

    TrainingLoop(MultiLayerNetwork net, int batchSize, int epochs, long seed, PrintStream progress) {
        this.net = net;
        this.batchSize = batchSize;
        this.epochs = epochs;
        this.seed = seed;
        this.progress = progress;
        dl4jLayers = TrainingDenseLayer.install(net);
        TrainingAdam.install(net);
        // the plain-Java step for small networks, BLAS's products for larger ones, DL4J's operations for the rest
        BatchTrainer step = SmallNetworkStep.of(net, batchSize);
        if (step == null) {
            step = BlasNetworkStep.of(net);
        }
        trainer = step != null ? step : DirectTrainingStep.of(net);
    }

    Curves fit(INDArray x, INDArray y, INDArray hx, INDArray hy, Task task, TrainSpec.EarlyStopping stopping,
               INDArray vx, INDArray vy) {
        try {
            return train(x, y, hx, hy, task, stopping, vx, vy);
        } finally {
            TrainingDenseLayer.restore(net, dl4jLayers);
        }
    }

    private Curves train(INDArray x, INDArray y, INDArray hx, INDArray hy, Task task, TrainSpec.EarlyStopping stopping,
                         INDArray vx, INDArray vy) {
        int n = (int) x.rows();
        double[] trainLoss = new double[epochs];
        double[] holdoutLoss = new double[epochs];
        double[] holdoutMetric = new double[epochs];
        double[] validationLoss = stopping == null ? null : new double[epochs];
        Curves curves = new Curves(trainLoss, holdoutLoss, holdoutMetric, validationLoss, metricName(task), false, epochs);
        SplittableRandom random = new SplittableRandom(seed);
        long started = System.nanoTime();
        long lastReport = started;
        double best = Double.NEGATIVE_INFINITY;
        int bestEpoch = 0;
        INDArray bestParams = null;
        for (int epoch = 0; epoch < epochs; epoch++) {
            // the mean of the batches' losses as they were fitted (as Keras and PyTorch report it):
            // scoring every training row again after the epoch cost a third of the training time
            trainLoss[epoch] = epoch(x, y, n, random);
            Scored holdout = scored(hx, hy);
            holdoutLoss[epoch] = holdout.loss();
            holdoutMetric[epoch] = task == Task.CLASSIFICATION ? accuracy(holdout.output(), hy) : r2(holdout.output(), hy);
            if (!Double.isFinite(trainLoss[epoch])) {
                progress.printf(Locale.ROOT, "epoch %d: loss is %s, stopping%n", epoch + 1, trainLoss[epoch]);
                return curves.truncated(epoch + 1, false, epoch + 1);
            }
            if (stopping != null) {
                // higher is better: the negative loss, or the metric
                Scored validation = scored(vx, vy);
                validationLoss[epoch] = validation.loss();
                double score = stopping.metric().equals("loss") ? -validationLoss[epoch]
                        : task == Task.CLASSIFICATION ? accuracy(validation.output(), vy) : r2(validation.output(), vy);
                if (score > best) {
                    best = score;
                    bestEpoch = epoch + 1;
                    bestParams = net.params().dup();
                } else if (epoch + 1 - bestEpoch >= stopping.patience()) {
                    progress.printf(Locale.ROOT, "epoch %d: no better validation %s for %d epochs, stopping; best"
                            + " epoch %d%n", epoch + 1, stopping.metric(), stopping.patience(), bestEpoch);
                    if (stopping.restoreBest()) {
                        net.setParams(bestParams);
                    }
                    return curves.truncated(epoch + 1, true, stopping.restoreBest() ? bestEpoch : epoch + 1);
                }
            }
            long now = System.nanoTime();
            // a terminal redraws one bar each epoch; a log (Jenkins' console) gets a line every few seconds
            if (TERMINAL || epoch == 0 || epoch == epochs - 1 || now - lastReport > 2_000_000_000L) {
                double seconds = (now - started) / 1e9;
                double perSecond = (double) n * (epoch + 1) / Math.max(seconds, 1e-9);
                double eta = seconds / (epoch + 1) * (epochs - epoch - 1);
                String status = String.format(Locale.ROOT, "epoch %d/%d  loss %.4f  hold-out %s %.4f  %.0f examples/s"
                        + "  ETA %.0fs", epoch + 1, epochs, trainLoss[epoch], metricName(task), holdoutMetric[epoch],
                        perSecond, eta);
                if (TERMINAL) {
                    int done = (int) Math.round(30.0 * (epoch + 1) / epochs);
                    progress.print("\r[" + "=".repeat(done) + " ".repeat(30 - done) + "] " + status
                            + (epoch == epochs - 1 ? System.lineSeparator() : ""));
                    progress.flush();
                } else {
                    progress.println(status);
                }
                lastReport = now;
            }
        }
        if (stopping != null && stopping.restoreBest() && bestParams != null && bestEpoch < epochs) {
            net.setParams(bestParams);
            return curves.truncated(epochs, false, bestEpoch);
        }
        return curves;
    }

    /**
     * One pass over the first {@code n} rows in a seeded random order, in mini-batches; returns
     * the mean loss of the batches, weighted by their rows.
     */
    double epoch(INDArray x, INDArray y, int n, SplittableRandom random) {
        int[] order = Shuffle.permutation(n, random);
        if (shuffledX == null || shuffledX.rows() != n) {
            shuffledX = Nd4j.create(x.dataType(), n, x.columns());
            shuffledY = Nd4j.create(y.dataType(), n, y.columns());
        }
        Nd4j.pullRows(x, shuffledX, 1, order); // getRows copies row by row: 100x slower
        Nd4j.pullRows(y, shuffledY, 1, order);
        double loss = 0;
        for (int from = 0; from < n; from += batchSize) {
            int to = Math.min(n, from + batchSize);
            INDArray bx = shuffledX.get(NDArrayIndex.interval(from, to), NDArrayIndex.all());
            INDArray by = shuffledY.get(NDArrayIndex.interval(from, to), NDArrayIndex.all());
            double score;
            if (trainer != null) {
                score = trainer.fit(bx, by);
            } else {
                net.fit(new DataSet(bx, by));
                score = net.score();
            }
            loss += score * (to - from);
        }
        return loss / n;
    }

    /** A set of rows' loss (as {@link MultiLayerNetwork#score(DataSet, boolean)} gives it) and outputs. */
    record Scored(double loss, INDArray output) {
    }

    /**
     * The loss and the outputs from one pass through the hidden layers: net.score and net.output each make
     * that pass, and on the 200 000-row benchmark the second pass over the 40 000 hold-out rows was a tenth of
     * an epoch. The output layer scores as net.score has it, regularisation term included.
     */
    Scored scored(INDArray features, INDArray labels) {
        if (trainer != null) {
            return trainer.score(features, labels);
        }
        int hidden = net.getnLayers() - 1;
        List<INDArray> layers = hidden == 0 ? List.of(features) : net.feedForwardToLayer(hidden - 1, features, false);
        BaseOutputLayer<?> output = (BaseOutputLayer<?>) net.getOutputLayer();
        LayerWorkspaceMgr noWorkspaces = LayerWorkspaceMgr.noWorkspaces();
        output.setInput(layers.get(hidden), noWorkspaces);
        output.setLabels(labels);
        double loss = output.computeScore(net.calcRegularizationScore(true), false, noWorkspaces);
        INDArray activations = output.activate(false, noWorkspaces);
        output.clear();
        // outside a workspace the hidden activations are native memory until a GC runs: give it back now
        for (int l = 1; l < layers.size(); l++) {
            layers.get(l).close();
        }
        return new Scored(loss, activations);
    }

    static String metricName(Task task) {
        return task == Task.CLASSIFICATION ? "accuracy" : "r2";
    }

    private static double accuracy(INDArray out, INDArray y) {
        INDArray predicted = Nd4j.argMax(out, 1);
        INDArray actual = Nd4j.argMax(y, 1);
        return predicted.eq(actual).castTo(org.nd4j.linalg.api.buffer.DataType.FLOAT).meanNumber().doubleValue();
    }

    private static double r2(INDArray out, INDArray y) {
        double mean = y.meanNumber().doubleValue();
        double ssRes = out.sub(y).norm2Number().doubleValue();
        double ssTot = y.sub(mean).norm2Number().doubleValue();
        return ssTot == 0 ? 0 : 1 - (ssRes * ssRes) / (ssTot * ssTot);
    }
}
