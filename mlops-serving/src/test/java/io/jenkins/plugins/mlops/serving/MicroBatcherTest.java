package io.jenkins.plugins.mlops.serving;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.mlops.data.CsvReader;
import io.jenkins.plugins.mlops.data.Table;
import io.jenkins.plugins.mlops.model.Network;
import io.jenkins.plugins.mlops.model.NetworkLoader;
import io.jenkins.plugins.mlops.model.PackagedModel;
import io.jenkins.plugins.mlops.model.Prediction;
import io.jenkins.plugins.mlops.testing.Fixtures;
import io.jenkins.plugins.mlops.train.TrainStep;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** Concurrent requests against a real iris model: joined into fewer calls only when calls are costly. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MicroBatcherTest {
    private PackagedModel trained;
    private List<String[]> rows;

    /** The trained network, slowed down and counted, with or without a per-call overhead. */
    private static final class Counting implements Network {
        final Network inner;
        final boolean overhead;
        final AtomicInteger calls = new AtomicInteger();

        Counting(Network inner, boolean overhead) {
            this.inner = inner;
            this.overhead = overhead;
        }

        @Override
        public float[][] output(float[][] inputs) {
            calls.incrementAndGet();
            try {
                Thread.sleep(2);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return inner.output(inputs);
        }

        @Override
        public boolean hasCallOverhead() {
            return overhead;
        }
    }

    @BeforeAll
    void train(@TempDir Path tmp) throws Exception {
        Path spec = tmp.resolve("iris.yaml");
        Files.writeString(spec, "name: iris\ntask: classification\nlabel: target\nseed: 3\ntraining: {epochs: 20}\n");
        TrainStep.run(spec, Fixtures.dataset("iris.csv"), tmp.resolve("train"), new PrintStream(OutputStream.nullOutputStream()));
        trained = PackagedModel.load(tmp.resolve("train/model"));
        Table iris = new CsvReader().read(Fixtures.dataset("iris.csv"));
        rows = new ArrayList<>();
        for (int r = 0; r < iris.rowCount(); r++) {
            rows.add(trained.preprocessor().featureValues(iris, r));
        }
    }

    private Counting counting(boolean overhead) {
        return new Counting(NetworkLoader.forFramework(trained.info().framework()).load(trained.dir(), trained.info()),
                overhead);
    }

    private PackagedModel model(Counting network) {
        return new PackagedModel(trained.dir(), trained.info(), trained.preprocessor(), network, trained.digest());
    }

    /** Every row asked from 8 threads at once; each answer must be the one for its own row. */
    private static void askConcurrently(MicroBatcher batcher, List<String[]> rows, PackagedModel reference)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Prediction>> answers = new ArrayList<>();
            for (String[] row : rows) {
                answers.add(pool.submit(() -> batcher.predict(List.<String[]>of(row)).get(0)));
            }
            for (int r = 0; r < rows.size(); r++) {
                Prediction expected = reference.predict(List.<String[]>of(rows.get(r))).get(0);
                assertThat(answers.get(r).get().label()).as("row %d", r).isEqualTo(expected.label());
                assertThat(answers.get(r).get().probabilities()).as("row %d", r)
                        .containsExactly(expected.probabilities(), org.assertj.core.data.Offset.offset(1e-5));
            }
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void costlyCallsAreJoinedAndEachRequestGetsItsOwnAnswer() throws Exception {
        Counting counting = counting(true);
        try (MicroBatcher batcher = new MicroBatcher(model(counting), "iris-1")) {
            askConcurrently(batcher, rows, trained);
        }
        assertThat(counting.calls.get()).isLessThan(rows.size() / 2);
    }

    @Test
    void cheapCallsScoreOnTheRequestThread() throws Exception {
        Counting counting = counting(false);
        try (MicroBatcher batcher = new MicroBatcher(model(counting), "iris-2")) {
            askConcurrently(batcher, rows, trained);
            assertThat(Thread.getAllStackTraces().keySet()).noneMatch(t -> t.getName().equals("mlops-batcher-iris-2"));
        }
        assertThat(counting.calls.get()).isEqualTo(rows.size());
    }
}
