package io.jenkins.plugins.mlops.train;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.SplittableRandom;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.impl.LossMCXENT;

/**
 * The training-speed benchmark: an MLP 50-256-256-2 with batch 1024 on synthetic data, the same
 * data written to {@code x.f32}/{@code y.u8} for the PyTorch side (tools/bench-train-vs-pytorch.sh).
 */
public final class TrainBenchmark {
    public static final int FEATURES = 50;
    public static final String CSV_FILE = "train.csv";
    public static final String SPEC_FILE = "train.yaml";

    /** @param examplesPerSecond over the epochs after the first (warm-up) */
    public record Result(int rows, int epochs, double examplesPerSecond, double accuracy, String threads) {
    }

    private TrainBenchmark() {
    }

    /** Rows of 50 standard normal features; the class is the sign of a fixed noisy nonlinear score. */
    public static void generate(Path dir, int rows, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] w = new double[FEATURES];
        for (int j = 0; j < FEATURES; j++) {
            w[j] = random.nextDouble() * 2 - 1;
        }
        ByteBuffer x = ByteBuffer.allocate(rows * FEATURES * 4).order(ByteOrder.LITTLE_ENDIAN);
        byte[] y = new byte[rows];
        for (int r = 0; r < rows; r++) {
            double score = 0;
            for (int j = 0; j < FEATURES; j++) {
                double v = gaussian(random);
                x.putFloat((float) v);
                score += w[j] * v + (j < 5 ? 0.5 * v * v - 0.5 : 0);
            }
            y[r] = (byte) (score + 0.5 * gaussian(random) > 0 ? 1 : 0);
        }
        try {
            Files.createDirectories(dir);
            Files.write(dir.resolve("x.f32"), x.array());
            Files.write(dir.resolve("y.u8"), y);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The generated rows as the CSV a user would train from ({@code x0..x49,label}, six decimals),
     * and the spec of the same net for {@code mlops train}: what the whole-process benchmark runs.
     */
    public static void writeCsv(Path dir, int epochs) throws IOException {
        byte[] y = Files.readAllBytes(dir.resolve("y.u8"));
        FloatBuffer x = ByteBuffer.wrap(Files.readAllBytes(dir.resolve("x.f32"))).order(ByteOrder.LITTLE_ENDIAN)
                .asFloatBuffer();
        try (BufferedWriter out = Files.newBufferedWriter(dir.resolve(CSV_FILE))) {
            StringBuilder line = new StringBuilder();
            for (int j = 0; j < FEATURES; j++) {
                line.append('x').append(j).append(',');
            }
            out.append(line).append("label\n");
            for (byte label : y) {
                line.setLength(0);
                for (int j = 0; j < FEATURES; j++) {
                    line.append(String.format(Locale.ROOT, "%.6f", x.get())).append(',');
                }
                out.append(line).append(label == 1 ? "yes" : "no").append('\n');
            }
        }
        Files.writeString(dir.resolve(SPEC_FILE), String.format(Locale.ROOT, """
                # the net of mlops bench train: 50-256-256-2, batch 1024, Adam 1e-3
                task: classification
                label: label
                seed: 42
                split: {test: 0.2, stratify: true}
                model: {hidden: [256, 256], activation: relu}
                training: {epochs: %d, batchSize: 1024, learningRate: 0.001, optimizer: adam}
                """, epochs));
    }

    public static Result run(Path dir, int epochs, long seed) throws IOException {
        byte[] y = Files.readAllBytes(dir.resolve("y.u8"));
        int rows = y.length;
        float[] flat = new float[rows * FEATURES];
        ByteBuffer.wrap(Files.readAllBytes(dir.resolve("x.f32"))).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(flat);
        int train = rows * 4 / 5;
        INDArray x = Nd4j.create(flat, new long[] {rows, FEATURES}, 'c');
        float[][] oneHot = new float[rows][2];
        for (int r = 0; r < rows; r++) {
            oneHot[r][y[r]] = 1f;
        }
        INDArray labels = Nd4j.create(oneHot);
        MultiLayerNetwork net = new MultiLayerNetwork(new NeuralNetConfiguration.Builder()
                .seed(seed).dataType(DataType.FLOAT).weightInit(WeightInit.XAVIER).updater(new Adam(1e-3)).list()
                .layer(new DenseLayer.Builder().nIn(FEATURES).nOut(256).activation(Activation.RELU).build())
                .layer(new DenseLayer.Builder().nIn(256).nOut(256).activation(Activation.RELU).build())
                .layer(new OutputLayer.Builder(new LossMCXENT()).nIn(256).nOut(2).activation(Activation.SOFTMAX).build())
                .build());
        net.init();
        int batch = 1024;
        long timedStart = 0;
        SplittableRandom random = new SplittableRandom(seed);
        TrainingLoop loop = new TrainingLoop(net, batch, epochs, seed, System.out);
        for (int epoch = 0; epoch < epochs; epoch++) {
            if (epoch == 1) {
                timedStart = System.nanoTime();
            }
            loop.epoch(x, labels, train, random);
        }
        double seconds = (System.nanoTime() - timedStart) / 1e9;
        INDArray predicted = Nd4j.argMax(net.output(x.get(NDArrayIndex.interval(train, rows), NDArrayIndex.all()), false), 1);
        INDArray actual = Nd4j.argMax(labels.get(NDArrayIndex.interval(train, rows), NDArrayIndex.all()), 1);
        double accuracy = predicted.eq(actual).castTo(DataType.FLOAT).meanNumber().doubleValue();
        return new Result(rows, epochs, (double) train * (epochs - 1) / seconds, accuracy,
                "OMP_NUM_THREADS=" + System.getenv("OMP_NUM_THREADS") + " OMP_WAIT_POLICY=" + System.getenv("OMP_WAIT_POLICY")
                        + " OPENBLAS_CORETYPE=" + System.getenv("OPENBLAS_CORETYPE"));
    }

    private static double gaussian(SplittableRandom random) {
        double u1 = Math.max(1e-12, random.nextDouble());
        return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * random.nextDouble());
    }
}
