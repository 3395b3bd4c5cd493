package io.jenkins.plugins.mlops.tune;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.mlops.contract.InvalidInputException;
import io.jenkins.plugins.mlops.contract.Json;
import io.jenkins.plugins.mlops.data.Sha256;
import io.jenkins.plugins.mlops.data.Table;
import io.jenkins.plugins.mlops.evaluation.Evaluation;
import io.jenkins.plugins.mlops.model.PackagedModel;
import io.jenkins.plugins.mlops.model.Task;
import io.jenkins.plugins.mlops.train.TrainSpec;
import io.jenkins.plugins.mlops.train.TrainStep;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Hyperparameter search with our own code (DL4J's Arbiter is being removed upstream): grid,
 * random, successive halving and TPE. Trials run in parallel threads within one step, each with one
 * BLAS thread (parallel trials beat parallel BLAS on small machines, notes/dl4j.md), and are scored
 * on a validation share of the training rows, so that the test rows stay unseen until the test
 * step. A trial's identity is a hash of its parameters, which also assigns it to a shard.
 */
public final class Tuner {
    static final Set<String> MAXIMISE = Set.of("accuracy", "macroF1", "r2");
    static final int TPE_CANDIDATES = 24;
    static final double TPE_GAMMA = 0.25;

    private final Path specFile;
    /** The spec as written: trials are derived from it, and the result records it. */
    private final String specText;
    private final ObjectNode rawSpec;
    private final TrainSpec base;
    private final TrainSpec.Tuning tuning;
    private final String metric;
    private final SearchSpace space;
    private final TrainStep.Prepared prepared;
    private final Table fitRows;
    private final Table validationRows;
    private final PrintStream progress;

    public Tuner(Path specFile, Path dataFile, PrintStream progress) {
        this.specFile = specFile;
        this.progress = progress;
        this.base = TrainSpec.read(specFile);
        this.tuning = base.tune();
        if (tuning == null) {
            throw InvalidInputException.in(specFile, "has no 'tune' section: nothing to search");
        }
        this.specText = readText(specFile);
        this.rawSpec = parseRaw(specFile, specText);
        this.metric = tuning.metric() != null ? tuning.metric() : base.task() == Task.CLASSIFICATION ? "accuracy" : "r2";
        Set<String> metrics = base.task() == Task.CLASSIFICATION ? Set.of("accuracy", "macroF1", "loss")
                : Set.of("r2", "rmse", "mae", "loss");
        if (!metrics.contains(metric)) {
            throw InvalidInputException.in(specFile, "'tune.metric' must be one of " + new TreeSet<>(metrics)
                    + " (got " + metric + ")");
        }
        double validation = tuning.validation() == null ? 0.2 : tuning.validation();
        if (!(validation > 0 && validation < 1)) {
            throw InvalidInputException.in(specFile, "'tune.validation' must be between 0 and 1 (got " + validation + ")");
        }
        if (!Set.of("grid", "random", "halving", "tpe").contains(method())) {
            throw InvalidInputException.in(specFile, "'tune.method' must be grid, random, halving or tpe (got "
                    + tuning.method() + ")");
        }
        this.space = SearchSpace.parse(tuning.space(), specFile);
        this.prepared = TrainStep.prepare(base, specFile, dataFile);
        Table[] parts = TrainStep.validationSplit(prepared, validation);
        this.fitRows = parts[0];
        this.validationRows = parts[1];
    }

    public String method() {
        return tuning.method() == null ? "random" : tuning.method().toLowerCase(Locale.ROOT);
    }

    public String metric() {
        return metric;
    }

    public String specYaml() {
        return specText;
    }

    int trials() {
        int n = tuning.trials() == null ? 10 : tuning.trials();
        if (n < 1 || n > 10_000) {
            throw InvalidInputException.in(specFile, "'tune.trials' must be between 1 and 10000 (got " + n + ")");
        }
        return n;
    }

    /** Runs the search; {@code shard} is 1-based of {@code shards} (1 of 1: everything). */
    public List<Trial> run(int parallelism, int shard, int shards) {
        // one BLAS thread per trial, whatever the parallelism: trial results must not depend on it
        TrainStep.useOneBlasThread();
        if (shards > 1 && !Set.of("grid", "random").contains(method())) {
            throw InvalidInputException.in(specFile, "sharding needs 'tune.method' grid or random: " + method()
                    + " chooses each trial from the results of the others");
        }
        SplittableRandom random = new SplittableRandom(prepared.seed());
        return switch (method()) {
            case "grid" -> runAll(shard(space.grid(specFile), shard, shards), -1, parallelism);
            case "random" -> runAll(shard(distinct(random, trials()), shard, shards), -1, parallelism);
            case "halving" -> halving(random, parallelism);
            default -> tpe(random, parallelism);
        };
    }

    private List<Map<String, Object>> distinct(SplittableRandom random, int n) {
        Map<String, Map<String, Object>> byId = new LinkedHashMap<>();
        for (int attempt = 0; byId.size() < n && attempt < n * 20; attempt++) {
            Map<String, Object> p = space.sample(random);
            byId.putIfAbsent(id(p), p);
        }
        return new ArrayList<>(byId.values());
    }

    private List<Map<String, Object>> shard(List<Map<String, Object>> all, int shard, int shards) {
        return all.stream().filter(p -> Long.parseLong(id(p).substring(0, 8), 16) % shards == shard - 1).toList();
    }

    /** Successive halving: all candidates on few epochs, the best third on three times as many, ... */
    private List<Trial> halving(SplittableRandom random, int parallelism) {
        int factor = tuning.factor() == null ? 3 : tuning.factor();
        int maxEpochs = base.training().epochs();
        int epochs = tuning.minEpochs() != null ? tuning.minEpochs() : Math.max(1, maxEpochs / (factor * factor));
        if (factor < 2 || epochs < 1) {
            throw InvalidInputException.in(specFile, "'tune.factor' must be at least 2 and 'tune.minEpochs' at least 1");
        }
        List<Map<String, Object>> alive = distinct(random, trials());
        List<Trial> all = new ArrayList<>();
        while (true) {
            List<Trial> rung = runAll(alive, Math.min(epochs, maxEpochs), parallelism);
            all.addAll(rung);
            if (alive.size() <= 1 || epochs >= maxEpochs) {
                return all;
            }
            int keep = Math.max(1, alive.size() / factor);
            alive = rung.stream().filter(t -> t.score() != null).sorted(Comparator.comparingDouble(Trial::score).reversed())
                    .limit(keep).map(Trial::params).toList();
            epochs *= factor;
        }
    }

    /**
     * Tree-structured Parzen estimator: after a few random trials, the next ones are drawn near the
     * best quarter of the trials so far (per dimension: Gaussian kernels on the unit scale of a
     * range, smoothed frequencies of choices), preferring points likelier under the good ones than
     * under the rest.
     */
    private List<Trial> tpe(SplittableRandom random, int parallelism) {
        int n = trials();
        int startup = Math.min(n, Math.max(5, n / 4));
        List<Trial> done = new ArrayList<>(runAll(distinct(random, startup), -1, parallelism));
        while (done.size() < n) {
            List<Trial> scored = done.stream().filter(t -> t.score() != null)
                    .sorted(Comparator.comparingDouble(Trial::score).reversed()).toList();
            int good = Math.max(1, (int) Math.ceil(TPE_GAMMA * scored.size()));
            List<Map<String, Object>> goodParams = scored.subList(0, good).stream().map(Trial::params).toList();
            List<Map<String, Object>> badParams = scored.subList(good, scored.size()).stream().map(Trial::params).toList();
            List<Map<String, Object>> batch = new ArrayList<>();
            Set<String> seen = new HashSet<>(done.stream().map(Trial::id).toList());
            while (batch.size() < Math.min(parallelism, n - done.size())) {
                Map<String, Object> best = null;
                double bestRatio = Double.NEGATIVE_INFINITY;
                for (int c = 0; c < TPE_CANDIDATES; c++) {
                    Map<String, Object> candidate = Parzen.sample(space, goodParams, random);
                    double ratio = Parzen.logDensity(space, goodParams, candidate)
                            - Parzen.logDensity(space, badParams, candidate);
                    if (ratio > bestRatio && !seen.contains(id(candidate))) {
                        bestRatio = ratio;
                        best = candidate;
                    }
                }
                Map<String, Object> next = best != null ? best : space.sample(random);
                seen.add(id(next));
                batch.add(next);
            }
            done.addAll(runAll(batch, -1, parallelism));
        }
        return done;
    }

    private List<Trial> runAll(List<Map<String, Object>> params, int epochs, int parallelism) {
        List<TrainSpec> specs = params.stream().map(this::specFor).toList();
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, parallelism));
        try {
            List<Future<Trial>> futures = new ArrayList<>();
            for (int i = 0; i < params.size(); i++) {
                int k = i;
                futures.add(pool.submit(() -> runOne(params.get(k), specs.get(k), epochs)));
            }
            List<Trial> out = new ArrayList<>();
            for (Future<Trial> f : futures) {
                Trial t = f.get();
                progress.printf(Locale.ROOT, "trial %s %s: %s %s (%d epochs, %.1f s)%n", t.id(), t.params(), metric,
                        t.value() == null ? t.error() : String.format(Locale.ROOT, "%.4f", t.value()), t.epochs(),
                        t.seconds());
                out.add(t);
            }
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("tuning interrupted", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private Trial runOne(Map<String, Object> params, TrainSpec spec, int epochsOverride) {
        int epochs = epochsOverride > 0 ? epochsOverride : spec.training().epochs();
        long started = System.nanoTime();
        TrainStep.Fitted fitted = TrainStep.fit(prepared.with(spec), fitRows, validationRows, epochs,
                new PrintStream(OutputStream.nullOutputStream()));
        double seconds = (System.nanoTime() - started) / 1e9;
        double[] loss = fitted.curves().holdoutLoss();
        double value;
        if (metric.equals("loss")) {
            value = loss[loss.length - 1];
        } else {
            PackagedModel model = new PackagedModel(null, null, fitted.pre(), TrainStep.network(fitted), "");
            value = Evaluation.of(fitted.pre(), model.predict(validationRows), validationRows, prepared.dataFile())
                    .metrics().get(metric);
        }
        if (!Double.isFinite(value)) {
            return new Trial(id(params), params, fitted.curves().trainLoss().length, null, null, seconds, "FAILED",
                    metric + " is " + value + " (the loss diverged)");
        }
        double score = MAXIMISE.contains(metric) ? value : -value;
        return new Trial(id(params), params, fitted.curves().trainLoss().length, value, score, seconds, "OK", null);
    }

    /** A spec text with the parameters set and the tune section removed, as YAML a person can read. */
    public static String specYamlFor(String specYaml, Map<String, Object> params) {
        try {
            return Json.YAML.writeValueAsString(applied((ObjectNode) Json.YAML.readTree(specYaml), params));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private ObjectNode applied(Map<String, Object> params) {
        return applied(rawSpec, params);
    }

    private static ObjectNode applied(ObjectNode rawSpec, Map<String, Object> params) {
        ObjectNode tree = rawSpec.deepCopy();
        tree.remove("tune");
        params.forEach((key, value) -> {
            String[] path = key.split("\\.");
            ObjectNode parent = tree.has(path[0]) && tree.get(path[0]).isObject() ? (ObjectNode) tree.get(path[0])
                    : tree.putObject(path[0]);
            parent.set(path[1], Json.JSON.valueToTree(value));
        });
        return tree;
    }

    private TrainSpec specFor(Map<String, Object> params) {
        try {
            return TrainSpec.fromTree(applied(params), specFile);
        } catch (InvalidInputException e) {
            throw InvalidInputException.in(specFile, "trial " + params + ": " + e.getMessage());
        }
    }

    static String id(Map<String, Object> params) {
        try {
            return Sha256.of(Json.COMPACT.writeValueAsBytes(new TreeMap<>(params))).substring(0, 12);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String readText(Path specFile) {
        try {
            return Files.readString(specFile, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw InvalidInputException.in(specFile, "cannot read: " + e.getMessage());
        }
    }

    /** Already parsed once by {@link TrainSpec#read}, which reports any syntax error with its position. */
    private static ObjectNode parseRaw(Path specFile, String specText) {
        try {
            return (ObjectNode) Json.YAML.readTree(specText);
        } catch (IOException e) {
            throw InvalidInputException.in(specFile, "cannot read: " + e.getMessage());
        }
    }
}
