package io.jenkins.plugins.mlops.train;

import io.jenkins.plugins.mlops.contract.InvalidInputException;
import io.jenkins.plugins.mlops.contract.Json;
import io.jenkins.plugins.mlops.contract.Provenance;
import io.jenkins.plugins.mlops.contract.Stage;
import io.jenkins.plugins.mlops.contract.StepResult;
import io.jenkins.plugins.mlops.data.Columns;
import io.jenkins.plugins.mlops.data.CsvReader;
import io.jenkins.plugins.mlops.data.Sha256;
import io.jenkins.plugins.mlops.data.Table;
import io.jenkins.plugins.mlops.evaluation.Evaluation;
import io.jenkins.plugins.mlops.model.Lineage;
import io.jenkins.plugins.mlops.model.Manifest;
import io.jenkins.plugins.mlops.model.ModelInfo;
import io.jenkins.plugins.mlops.model.Network;
import io.jenkins.plugins.mlops.model.PackagedModel;
import io.jenkins.plugins.mlops.model.Prediction;
import io.jenkins.plugins.mlops.model.Preprocessor;
import io.jenkins.plugins.mlops.model.Task;
import io.jenkins.plugins.mlops.schema.Schema;
import io.jenkins.plugins.mlops.schema.SchemaInference;
import io.jenkins.plugins.mlops.stage.StageExecutor;
import io.jenkins.plugins.mlops.stage.StageOutput;
import io.jenkins.plugins.mlops.stage.StageRunner;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The {@code train} step: a DL4J MLP from a spec. Preprocessing is fitted on the training rows
 * only; the hold-out rows are written beside the package ({@code holdout.csv}) for the test step.
 */
public final class TrainStep extends StageExecutor<TrainInputs> {
    public static final String STEP = Stage.TRAIN.result();
    public static final String PACKAGE_DIR = "model";
    public static final String HOLDOUT_FILE = "holdout.csv";
    /** Training rows kept in the package as the drift reference for monitoring. */
    static final int MAX_REFERENCE_ROWS = 10_000;

    private final PrintStream progress;

    /** Progress lines (one per epoch) go to standard output, as the CLI shows them. */
    public TrainStep() {
        this(System.out);
    }

    public TrainStep(PrintStream progress) {
        super(Stage.TRAIN, TrainInputs.class);
        this.progress = progress;
    }

    /** The checked spec, the labelled rows, their schema, the features and the train/hold-out split. */
    public record Prepared(TrainSpec spec, Path specFile, Path dataFile, Table data, Schema schema,
                           List<String> features, long seed, Table train, Table holdout, List<String> identifiers) {
        public Prepared with(TrainSpec other) {
            return new Prepared(other, specFile, dataFile, data, schema, features, seed, train, holdout, identifiers);
        }
    }

    /**
     * A trained network with its fitted preprocessing and learning curves.
     *
     * @param validationLoss the loss on the early-stopping validation rows; NaN without early stopping
     */
    public record Fitted(MultiLayerNetwork net, Preprocessor pre, TrainingLoop.Curves curves, double validationLoss) {
    }

    /** One model the step trained: the prepared data with the spec it was trained from, and the result. */
    record Candidate(Prepared prepared, Fitted fitted) {
        boolean linear() {
            return prepared.spec().model().layers().isEmpty();
        }

        String description() {
            return linear() ? "linear" : "network " + prepared.spec().model().hidden();
        }
    }

    /** [fit, validation]: a seeded (stratified when the split is) share of the training rows. */
    public static Table[] validationSplit(Prepared p, double share) {
        return heldApart(p, p.train(), share, 2, "too few training rows for a validation share of " + share);
    }

    /**
     * [fit, held apart]: a seeded (stratified when the split is) share of {@code train}; each use has its own seed
     * offset so that tuning's validation rows and early stopping's rows are drawn independently.
     */
    private static Table[] heldApart(Prepared p, Table train, double share, int seedOffset, String tooFew) {
        int[][] parts = Splits.split(train, train.columnIndex(p.spec().label()), p.spec().split().stratify(), share,
                p.seed() + seedOffset);
        if (parts[0].length < 2 || parts[1].length < 1) {
            throw InvalidInputException.in(p.specFile(), tooFew);
        }
        return new Table[] {train.select(parts[0]), train.select(parts[1])};
    }

    /** ND4J's and OpenBLAS's threads for this process: one, for parallel trials that do not share cores. */
    public static void useOneBlasThread() {
        Nd4j.getEnvironment().setMaxThreads(1);
        Nd4j.factory().blas().setMaxThreads(1);
    }

    public static Network network(Fitted fitted) {
        return new Dl4jNetwork(fitted.net());
    }

    public static StepResult run(Path specFile, Path dataFile, Path outDir, PrintStream progress) {
        return StageRunner.run(new TrainStep(progress), new TrainInputs(specFile, dataFile), outDir);
    }

    @Override
    public StageOutput execute(TrainInputs inputs) {
        Prepared p = prepare(TrainSpec.read(inputs.spec()), inputs.spec(), inputs.data());
        int epochs = p.spec().training().epochs();
        Candidate network = new Candidate(p, fit(p, p.train(), p.holdout(), epochs, progress));
        if (!p.spec().model().baseline()) {
            return packaged(network, null);
        }
        progress.println("linear baseline on the same rows:");
        Prepared linear = p.with(p.spec().linear());
        Candidate baseline = new Candidate(linear, fit(linear, linear.train(), linear.holdout(), epochs, progress));
        // the simpler model unless the network is better on rows neither was fitted on nor will be tested on
        boolean networkBetter = network.fitted().validationLoss() < baseline.fitted().validationLoss();
        return networkBetter ? packaged(network, baseline) : packaged(baseline, network);
    }

    /**
     * Starts ND4J (its backend and native libraries: half a second) on another thread while this one
     * reads the CSV file. A failure there is left for the first use of ND4J to report, on this thread.
     */
    private static void loadNd4jMeanwhile() {
        Thread loader = new Thread(() -> {
            try {
                // the first array loads the backend and its native libraries
                Nd4j.create(1);
            } catch (Throwable e) {
                // reported where training first needs ND4J, as without this thread
            }
        }, "mlops-nd4j-loader");
        loader.setDaemon(true);
        loader.start();
    }

    public static Prepared prepare(TrainSpec spec, Path specFile, Path dataFile) {
        // before any ND4J class loads its natives: training and tuning both start here
        NativePlatform.check();
        loadNd4jMeanwhile();
        Table all = new CsvReader().read(dataFile);
        int labelColumn = all.columnIndex(spec.label());
        if (labelColumn < 0) {
            throw InvalidInputException.at(dataFile, 1, 0, "label column '" + spec.label() + "' (from " + specFile.getFileName()
                    + ") is not in the data; columns are " + all.columns());
        }
        List<String> named = new ArrayList<>(spec.features().exclude());
        if (spec.features().include() != null) {
            named.addAll(spec.features().include());
        }
        named.addAll(spec.preprocessing().columns().keySet());
        if (spec.split().column() != null) {
            named.add(spec.split().column());
        }
        for (String column : named) {
            if (!all.hasColumn(column)) {
                throw InvalidInputException.in(specFile, "names column '" + column + "', which is not in "
                        + dataFile.getFileName() + " (columns: " + all.columns() + ")");
            }
        }
        Table data = all.filter(r -> !all.isMissing(r, labelColumn));
        if (spec.task() == Task.CLASSIFICATION) {
            Set<String> classes = Columns.counts(data, labelColumn).keySet();
            if (classes.size() < 2) {
                throw InvalidInputException.in(dataFile, "label column '" + spec.label() + "' has " + (classes.isEmpty()
                        ? "no values" : "a single class " + classes) + ": a classifier needs at least two");
            }
        }
        Schema schema = SchemaInference.infer(data);
        if (spec.task() == Task.REGRESSION && !schema.field(spec.label()).orElseThrow().type().isNumeric()) {
            throw InvalidInputException.in(dataFile, "label column '" + spec.label() + "' is not numeric, but the spec"
                    + " asks for regression");
        }
        List<String> identifiers = spec.features().include() != null ? List.of() : identifierLike(data, schema);
        List<String> features = data.columns().stream()
                .filter(c -> !c.equals(spec.label()) && !spec.features().exclude().contains(c))
                .filter(c -> spec.features().include() == null || spec.features().include().contains(c))
                .filter(c -> !"time".equals(spec.split().by()) || !c.equals(spec.split().column()))
                .filter(c -> !identifiers.contains(c))
                .toList();
        if (features.isEmpty()) {
            throw InvalidInputException.in(specFile, "no feature columns left besides the label");
        }
        long seed = spec.seed() != null ? spec.seed() : Splits.chooseSeed();
        int[][] split = "time".equals(spec.split().by()) ? Splits.timeSplit(data, spec, dataFile)
                : Splits.split(data, labelColumn, spec.split().stratify(), spec.split().test(), seed);
        Table train = data.select(split[0]);
        Table holdout = data.select(split[1]);
        if (train.rowCount() < 2 || holdout.rowCount() < 1) {
            throw InvalidInputException.in(dataFile, "too few labelled rows (" + data.rowCount() + ") to train and hold out");
        }
        return new Prepared(spec, specFile, dataFile, data, schema, features, seed, train, holdout, identifiers);
    }

    /**
     * Text columns with so many distinct values that they name rows rather than describe them (ids,
     * free text, timestamps as text): one-hot encoding them only memorises the training rows. Left
     * out unless {@code features.include} names them; the report says which.
     */
    static List<String> identifierLike(Table data, Schema schema) {
        List<String> out = new ArrayList<>();
        for (String column : data.columns()) {
            if (schema.field(column).orElseThrow().type().isNumeric()) {
                continue;
            }
            int distinct = Columns.counts(data, data.columnIndex(column)).size();
            if (distinct > Math.max(50, data.rowCount() / 2)) {
                out.add(column);
            }
        }
        return out;
    }

    /**
     * Fits preprocessing and network on {@code train} (minus an early-stopping share), reporting
     * curves on {@code evaluation}; used for the final model and for every tuning trial.
     */
    public static Fitted fit(Prepared p, Table train, Table evaluation, int epochs, PrintStream progress) {
        TrainSpec spec = p.spec();
        Preprocessor pre = Preprocessor.fit(train, p.schema(), spec.label(), spec.task(), p.features(), (column, numeric) ->
                TrainSpec.options(p.specFile(), "preprocessing.columns." + column, spec.preprocessing().columns()
                        .getOrDefault(column, numeric ? spec.preprocessing().numeric() : spec.preprocessing().categorical()),
                        numeric));
        // early stopping watches rows held apart from the training rows, never the test rows
        Table fit = train;
        Table validation = null;
        TrainSpec.EarlyStopping stopping = spec.training().earlyStopping();
        if (stopping != null) {
            Table[] inner = heldApart(p, train, stopping.validation(), 1,
                    "'training.earlyStopping.validation' leaves too few rows");
            fit = inner[0];
            validation = inner[1];
        }
        MultiLayerNetwork net = new MultiLayerNetwork(NetworkSetup.configuration(spec, pre, p.seed(),
                NetworkSetup.classWeights(spec, pre, fit)));
        net.init();
        INDArray[] fitXY = NetworkSetup.arrays(pre, fit);
        INDArray[] evalXY = NetworkSetup.arrays(pre, evaluation);
        INDArray[] validationXY = validation == null ? null : NetworkSetup.arrays(pre, validation);
        TrainingLoop.Curves curves = new TrainingLoop(net, spec.training().batchSize(), epochs, p.seed(), progress)
                .fit(fitXY[0], fitXY[1], evalXY[0], evalXY[1], pre.task(), stopping,
                        validationXY == null ? null : validationXY[0], validationXY == null ? null : validationXY[1]);
        double validationLoss = validationXY == null ? Double.NaN
                : net.score(new DataSet(validationXY[0], validationXY[1]), false);
        return new Fitted(net, pre, curves, validationLoss);
    }

    /**
     * The model package and the hold-out rows, in memory, with the result and report that name them; {@code other}
     * (nullable) is the candidate not kept, reported beside it and, when it is the linear baseline of a kept
     * network, packaged inside it.
     */
    static StageOutput packaged(Candidate kept, Candidate other) {
        Prepared p = kept.prepared();
        Fitted fitted = kept.fitted();
        // the two CSV files depend on the rows alone: written on another core while this one scores the hold-out
        CompletableFuture<byte[]> holdoutCsv = CompletableFuture.supplyAsync(() ->
                PackageFiles.csv(p.holdout(), p.data().columns(), Integer.MAX_VALUE));
        CompletableFuture<byte[]> reference = CompletableFuture.supplyAsync(() ->
                PackageFiles.csv(p.train(), p.features(), MAX_REFERENCE_ROWS));
        Map<String, Double> metrics = holdoutMetrics(p, fitted);
        Lineage lineage = PackageFiles.lineage(p.dataFile(), p.specFile(), p.data().rowCount(), p.seed());
        Map<String, byte[]> files = packageFiles(p, fitted, metrics, lineage, joined(reference));
        List<Map<String, Object>> candidates = new ArrayList<>();
        candidates.add(candidate(kept, metrics, true));
        if (other != null) {
            Map<String, Double> otherMetrics = holdoutMetrics(other.prepared(), other.fitted());
            candidates.add(candidate(other, otherMetrics, false));
            if (other.linear()) {
                Map<String, byte[]> baseline = packageFiles(other.prepared(), other.fitted(), otherMetrics, lineage,
                        joined(reference));
                baseline.put(Manifest.FILE, Json.document(Manifest.of(baseline)));
                baseline.forEach((name, bytes) -> files.put(PackagedModel.BASELINE_DIR + "/" + name, bytes));
            }
        }
        byte[] manifest = Json.document(Manifest.of(files));
        files.put(Manifest.FILE, manifest);
        // a NaN or an infinity anywhere makes the sum non-finite
        boolean weightsFinite = Double.isFinite(fitted.net().params().castTo(DataType.DOUBLE).sumNumber().doubleValue());
        Provenance provenance = new Provenance(new Provenance.DataFile(lineage.dataFile(), lineage.dataSha256()),
                new Provenance.DataFile(HOLDOUT_FILE, Sha256.of(joined(holdoutCsv))), Sha256.of(manifest));
        return TrainReport.output(p.spec(), fitted.pre(), fitted.curves(), metrics, lineage, provenance,
                        p.train().rowCount(), p.holdout().rowCount(), weightsFinite, p.identifiers(), candidates)
                .withFolder(PACKAGE_DIR, files)
                .withFile(Path.of(HOLDOUT_FILE), joined(holdoutCsv));
    }

    /**
     * A package's files but its manifest: the network, its preprocessing, schema, lineage, metrics and
     * reference rows (the CSV of the first training rows).
     */
    private static Map<String, byte[]> packageFiles(Prepared p, Fitted fitted, Map<String, Double> metrics,
                                                    Lineage lineage, byte[] reference) {
        List<String> features = p.features();
        Map<String, byte[]> files = new TreeMap<>(Dl4jNetwork.files(fitted.net()));
        Schema inputSchema = new Schema(features.stream().map(f -> p.schema().field(f).orElseThrow()).toList(), null);
        files.put(PackagedModel.MODEL_FILE, Json.document(info(p, fitted)));
        files.put(PackagedModel.PREPROCESSING_FILE, Json.document(fitted.pre()));
        files.put(PackagedModel.INPUT_SCHEMA_FILE, Json.document(inputSchema));
        files.put(PackagedModel.LINEAGE_FILE, Json.document(lineage));
        files.put(PackagedModel.METRICS_FILE, Json.document(metrics));
        files.put("spec.yaml", readSpec(p.specFile()));
        files.put(PackagedModel.REFERENCE_FILE, reference);
        return files;
    }

    private static Map<String, Object> candidate(Candidate c, Map<String, Double> metrics, boolean kept) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("model", c.description());
        out.put("kept", kept);
        out.put("validationLoss", c.fitted().validationLoss());
        out.put("epochs", c.fitted().curves().trainLoss().length);
        out.put("bestEpoch", c.fitted().curves().bestEpoch());
        out.put("holdout", metrics);
        return out;
    }

    private static ModelInfo info(Prepared p, Fitted fitted) {
        return new ModelInfo(ModelInfo.FORMAT, "dl4j", p.spec().name(), p.spec().task(), p.spec().label(), p.features(),
                fitted.pre().classes(), List.of(Dl4jNetwork.CONFIG_FILE, Dl4jNetwork.PARAMS_FILE));
    }

    private static Map<String, Double> holdoutMetrics(Prepared p, Fitted fitted) {
        return holdoutMetrics(new PackagedModel(null, info(p, fitted), fitted.pre(), new Dl4jNetwork(fitted.net()), "")
                .predict(p.holdout()), p.holdout(), p.dataFile(), fitted.pre());
    }

    /** A background result, failing as the work would have failed on this thread (not wrapped). */
    private static <T> T joined(CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }

    private static byte[] readSpec(Path specFile) {
        try {
            return Files.readAllBytes(specFile);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + specFile + ": " + e.getMessage(), e);
        }
    }

    /** The headline hold-out metrics recorded in the package (per-class detail is the test step's). */
    static Map<String, Double> holdoutMetrics(List<Prediction> predictions, Table holdout, Path dataFile,
                                              Preprocessor pre) {
        Map<String, Double> all = Evaluation.of(pre, predictions, holdout, dataFile).metrics();
        if (pre.task() == Task.REGRESSION) {
            return all;
        }
        Map<String, Double> headline = new LinkedHashMap<>();
        headline.put("accuracy", all.get("accuracy"));
        headline.put("macroF1", all.get("macroF1"));
        return headline;
    }
}
