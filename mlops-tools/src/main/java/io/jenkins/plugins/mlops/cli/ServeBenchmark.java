package io.jenkins.plugins.mlops.cli;

import io.jenkins.plugins.mlops.model.PackagedModel;
import io.jenkins.plugins.mlops.serving.ModelServer;
import io.jenkins.plugins.mlops.serving.ServerConfig;
import io.jenkins.plugins.mlops.train.TrainStep;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The serving benchmark: a model server on loopback with a penguins model, measured in one run
 * against its own no-op endpoint (same HTTP and JSON path, no model): closed-loop throughput of
 * single-row requests, and latency percentiles at a fixed rate.
 */
final class ServeBenchmark {
    static final String ROW = "{\"id\": \"b\", \"inputs\": ["
            + "{\"name\": \"island\", \"shape\": [1], \"datatype\": \"BYTES\", \"data\": [\"Biscoe\"]},"
            + "{\"name\": \"bill_length_mm\", \"shape\": [1], \"datatype\": \"FP64\", \"data\": [45.2]},"
            + "{\"name\": \"bill_depth_mm\", \"shape\": [1], \"datatype\": \"FP64\", \"data\": [14.8]},"
            + "{\"name\": \"flipper_length_mm\", \"shape\": [1], \"datatype\": \"FP64\", \"data\": [212]},"
            + "{\"name\": \"body_mass_g\", \"shape\": [1], \"datatype\": \"FP64\", \"data\": [5200]},"
            + "{\"name\": \"sex\", \"shape\": [1], \"datatype\": \"BYTES\", \"data\": [\"female\"]},"
            + "{\"name\": \"year\", \"shape\": [1], \"datatype\": \"FP64\", \"data\": [2008]}]}";

    private ServeBenchmark() {
    }

    static void run(Path work, Path data, int seconds, int rate, int clients, PrintWriter out) throws Exception {
        Path spec = work.resolve("penguins.yaml");
        Files.writeString(spec, "name: penguins\ntask: classification\nlabel: species\nseed: 1\ntraining: {epochs: 20}\n");
        TrainStep.run(spec, data, work.resolve("train"), new PrintStream(OutputStream.nullOutputStream()));
        try (ModelServer server = new ModelServer(new ServerConfig("127.0.0.1", 0, null, null, null,
                ServerConfig.DEFAULT_MAX_REQUEST_BYTES, 100)).start()) {
            server.deploy("penguins", "1", PackagedModel.load(work.resolve("train/model")));
            HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            URI infer = URI.create(server.url() + "/v2/models/penguins/infer");
            URI noop = URI.create(server.url() + "/v2/noop");
            closedLoop(client, infer, 2, clients);
            closedLoop(client, noop, 2, clients);
            double inferRate = closedLoop(client, infer, seconds, clients);
            double noopRate = closedLoop(client, noop, seconds, clients);
            out.printf(Locale.ROOT, "closed loop, %d clients: infer %.0f req/s, no-op %.0f req/s, ratio %.2f (target >= 0.50)%n",
                    clients, inferRate, noopRate, inferRate / noopRate);
            double[] inferMs = fixedRate(client, infer, seconds, rate);
            double[] noopMs = fixedRate(client, noop, seconds, rate);
            out.printf(Locale.ROOT, "at %d req/s: infer p50 %.2f ms p99 %.2f ms; no-op p50 %.2f ms p99 %.2f ms (target"
                    + " infer p99 <= 5 ms)%n", rate, pct(inferMs, 0.5), pct(inferMs, 0.99), pct(noopMs, 0.5),
                    pct(noopMs, 0.99));
        }
    }

    static double closedLoop(HttpClient client, URI uri, int seconds, int clients) throws Exception {
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        AtomicInteger done = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<?>> futures = new ArrayList<>();
        long start = System.nanoTime();
        for (int c = 0; c < clients; c++) {
            futures.add(pool.submit(() -> {
                while (System.nanoTime() < end) {
                    if (send(client, uri) == 200) {
                        done.incrementAndGet();
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : futures) {
            f.get();
        }
        pool.shutdown();
        return done.get() / ((System.nanoTime() - start) / 1e9);
    }

    /** Requests started at a fixed rate (open loop), each timed from its scheduled start. */
    static double[] fixedRate(HttpClient client, URI uri, int seconds, int rate) throws Exception {
        int n = seconds * rate;
        double[] ms = new double[n];
        ScheduledExecutorService timer = Executors.newScheduledThreadPool(1);
        ExecutorService senders = Executors.newFixedThreadPool(16);
        CountDownLatch latch = new CountDownLatch(n);
        long start = System.nanoTime();
        AtomicInteger next = new AtomicInteger();
        timer.scheduleAtFixedRate(() -> {
            int i = next.getAndIncrement();
            if (i >= n) {
                return;
            }
            long scheduled = start + (long) (i * 1e9 / rate);
            senders.execute(() -> {
                try {
                    send(client, uri);
                } finally {
                    ms[i] = (System.nanoTime() - scheduled) / 1e6;
                    latch.countDown();
                }
            });
        }, 0, 1_000_000_000L / rate, TimeUnit.NANOSECONDS);
        latch.await(seconds * 3L + 30, TimeUnit.SECONDS);
        timer.shutdownNow();
        senders.shutdown();
        Arrays.sort(ms);
        return ms;
    }

    private static int send(HttpClient client, URI uri) {
        try {
            return client.send(HttpRequest.newBuilder(uri).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(ROW)).build(), HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        } catch (Exception e) {
            return -1;
        }
    }

    private static double pct(double[] sorted, double q) {
        return sorted[Math.min(sorted.length - 1, (int) (sorted.length * q))];
    }
}
