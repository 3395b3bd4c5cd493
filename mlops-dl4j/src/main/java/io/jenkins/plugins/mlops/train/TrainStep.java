package io.jenkins.plugins.mlops.train;

import io.jenkins.plugins.mlops.contract.Check;
import io.jenkins.plugins.mlops.contract.CheckStatus;
import io.jenkins.plugins.mlops.contract.FileTrees;
import io.jenkins.plugins.mlops.contract.InvalidInputException;
import io.jenkins.plugins.mlops.contract.Json;
import io.jenkins.plugins.mlops.contract.Provenance;
import io.jenkins.plugins.mlops.contract.Stage;
import io.jenkins.plugins.mlops.contract.Status;
import io.jenkins.plugins.mlops.contract.StepResult;
import io.jenkins.plugins.mlops.data.Columns;
import io.jenkins.plugins.mlops.data.CsvReader;
import io.jenkins.plugins.mlops.data.Sha256;
import io.jenkins.plugins.mlops.data.Shuffle;
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
import io.jenkins.plugins.mlops.report.Html;
import io.jenkins.plugins.mlops.report.HtmlReport;
import io.jenkins.plugins.mlops.report.HtmlTable;
import io.jenkins.plugins.mlops.report.StepOutputWriter;
import io.jenkins.plugins.mlops.report.Svg;
import io.jenkins.plugins.mlops.schema.FieldType;
import io.jenkins.plugins.mlops.schema.Schema;
import io.jenkins.plugins.mlops.schema.SchemaInference;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.stream.IntStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.Nesterovs;
import org.nd4j.linalg.learning.config.Sgd;
import org.nd4j.linalg.lossfunctions.ILossFunction;
import org.nd4j.linalg.lossfunctions.impl.LossL1;
import org.nd4j.linalg.lossfunctions.impl.LossMCXENT;
import org.nd4j.linalg.lossfunctions.impl.LossMSE;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;

/**
 * The {@code train} step: a DL4J MLP from a spec. Preprocessing is fitted on the training rows
 * only; the hold-out rows are written beside the package ({@code holdout.csv}) for the test step.
 */
public final class TrainStep {
    public static final String STEP = Stage.TRAIN.result();
    public static final String PACKAGE_DIR = "model";
    public static final String HOLDOUT_FILE = "holdout.csv";
    /** Training rows kept in the package as the drift reference for monitoring. */
    static final int MAX_REFERENCE_ROWS = 10_000;

    private TrainStep() {
    }

    /** The checked spec, the labelled rows, their schema, the features and the train/hold-out split. */
    public record Prepared(TrainSpec spec, Path specFile, Path dataFile, Table data, Schema schema,
                           List<String> features, long seed, Table train, Table holdout, List<String> identifiers) {
        public Prepared with(TrainSpec other) {
            return new Prepared(other, specFile, dataFile, data, schema, features, seed, train, holdout, identifiers);
        }
    }

    /** A trained network with its fitted preprocessing and learning curves. */
    public record Fitted(MultiLayerNetwork net, Preprocessor pre, TrainingLoop.Curves curves) {
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
        int[][] parts = split(train, train.columnIndex(p.spec().label()), p.spec().split().stratify(), share,
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
        Prepared p = prepare(TrainSpec.read(specFile), specFile, dataFile);
        Fitted fitted = fit(p, p.train(), p.holdout(), p.spec().training().epochs(), progress);
        return write(p, fitted, outDir);
    }

    public static Prepared prepare(TrainSpec spec, Path specFile, Path dataFile) {
        // before any ND4J class loads its natives: training and tuning both start here
        NativePlatform.check();
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
        Table data = all.filter(r -> all.value(r, labelColumn) != null);
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
        long seed = spec.seed() != null ? spec.seed() : chooseSeed();
        int[][] split = "time".equals(spec.split().by()) ? timeSplit(data, spec, dataFile)
                : split(data, labelColumn, spec.split().stratify(), spec.split().test(), seed);
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
        MultiLayerNetwork net = new MultiLayerNetwork(configuration(spec, pre, p.seed(), classWeights(spec, pre, fit)));
        net.init();
        INDArray[] fitXY = arrays(pre, fit);
        INDArray[] evalXY = arrays(pre, evaluation);
        INDArray[] validationXY = validation == null ? null : arrays(pre, validation);
        TrainingLoop.Curves curves = new TrainingLoop(net, spec.training().batchSize(), epochs, p.seed(), progress)
                .fit(fitXY[0], fitXY[1], evalXY[0], evalXY[1], pre.task(), stopping,
                        validationXY == null ? null : validationXY[0], validationXY == null ? null : validationXY[1]);
        return new Fitted(net, pre, curves);
    }

    static StepResult write(Prepared p, Fitted fitted, Path outDir) {
        TrainSpec spec = p.spec();
        Path specFile = p.specFile();
        Path dataFile = p.dataFile();
        Table data = p.data();
        Schema schema = p.schema();
        List<String> features = p.features();
        long seed = p.seed();
        Table train = p.train();
        Table holdout = p.holdout();
        MultiLayerNetwork net = fitted.net();
        Preprocessor pre = fitted.pre();
        TrainingLoop.Curves curves = fitted.curves();
        // Everything is computed; now write, into a staging folder that replaces the package at once.
        try {
            Files.createDirectories(outDir);
            Path staging = Files.createTempDirectory(outDir, ".model-");
            Dl4jNetwork.save(net, staging);
            ModelInfo info = new ModelInfo(ModelInfo.FORMAT, "dl4j", spec.name(), spec.task(), spec.label(), features,
                    pre.classes(), List.of(Dl4jNetwork.CONFIG_FILE, Dl4jNetwork.PARAMS_FILE));
            Lineage lineage = lineage(dataFile, specFile, data.rowCount(), seed);
            Schema inputSchema = new Schema(features.stream().map(f -> schema.field(f).orElseThrow()).toList(), null);
            Map<String, Double> metrics = holdoutMetrics(new PackagedModel(staging, info, pre, new Dl4jNetwork(net), "")
                    .predict(holdout), holdout, dataFile, pre);
            writeJson(staging.resolve(PackagedModel.MODEL_FILE), info);
            writeJson(staging.resolve(PackagedModel.PREPROCESSING_FILE), pre);
            writeJson(staging.resolve(PackagedModel.INPUT_SCHEMA_FILE), inputSchema);
            writeJson(staging.resolve(PackagedModel.LINEAGE_FILE), lineage);
            writeJson(staging.resolve(PackagedModel.METRICS_FILE), metrics);
            Files.copy(specFile, staging.resolve("spec.yaml"));
            writeCsv(staging.resolve(PackagedModel.REFERENCE_FILE), train, features, MAX_REFERENCE_ROWS);
            Manifest.write(staging);
            writeCsv(outDir.resolve(HOLDOUT_FILE), holdout, data.columns(), Integer.MAX_VALUE);
            replaceDirectory(staging, outDir.resolve(PACKAGE_DIR));
            // a NaN or an infinity anywhere makes the sum non-finite
            boolean weightsFinite = Double.isFinite(net.params().castTo(DataType.DOUBLE).sumNumber().doubleValue());
            Provenance provenance = new Provenance(new Provenance.DataFile(lineage.dataFile(), lineage.dataSha256()),
                    new Provenance.DataFile(HOLDOUT_FILE, Sha256.of(outDir.resolve(HOLDOUT_FILE))),
                    Sha256.of(outDir.resolve(PACKAGE_DIR).resolve(Manifest.FILE)));
            return result(spec, pre, curves, metrics, lineage, provenance, train.rowCount(), holdout.rowCount(),
                    weightsFinite, p.identifiers(), outDir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the model package to " + outDir + ": " + e.getMessage(), e);
        }
    }

    static long chooseSeed() {
        long seed;
        do {
            seed = new SecureRandom().nextInt(Integer.MAX_VALUE);
        } while (seed == 0);
        return seed;
    }

    /**
     * [training, held-out] rows: the last {@code test} share by the time column, oldest first (ties
     * keep file order), so that the model is tested on the future as it will be used.
     */
    static int[][] timeSplit(Table data, TrainSpec spec, Path dataFile) {
        int c = data.columnIndex(spec.split().column());
        Integer[] order = new Integer[data.rowCount()];
        Comparable<?>[] keys = new Comparable<?>[data.rowCount()];
        for (int r = 0; r < order.length; r++) {
            order[r] = r;
            String v = data.value(r, c);
            if (v == null) {
                throw InvalidInputException.at(dataFile, data.line(r), c + 1, "split column '" + spec.split().column()
                        + "' has no value; a time split needs one in every row");
            }
            Double number = FieldType.parseDouble(v);
            keys[r] = number != null ? number : v.replace('/', '-');
        }
        boolean numeric = Arrays.stream(keys).allMatch(k -> k instanceof Double);
        Arrays.sort(order, (a, b) -> numeric ? Double.compare((Double) keys[a], (Double) keys[b])
                : keys[a].toString().compareTo(keys[b].toString()));
        int n = (int) Math.round(order.length * spec.split().test());
        int[] train = Arrays.stream(order, 0, order.length - n).mapToInt(Integer::intValue).sorted().toArray();
        int[] test = Arrays.stream(order, order.length - n, order.length).mapToInt(Integer::intValue).sorted()
                .toArray();
        return new int[][] {train, test};
    }

    /** [kept indexes, held-out indexes], stratified by class when asked; deterministic in the seed. */
    static int[][] split(Table data, int labelColumn, boolean stratify, double share, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        Map<String, List<Integer>> groups = new TreeMap<>();
        for (int r = 0; r < data.rowCount(); r++) {
            String key = stratify ? data.value(r, labelColumn) : "";
            groups.computeIfAbsent(key, k -> new ArrayList<>()).add(r);
        }
        IntStream.Builder train = IntStream.builder();
        IntStream.Builder test = IntStream.builder();
        for (List<Integer> group : groups.values()) {
            int[] rows = group.stream().mapToInt(Integer::intValue).toArray();
            Shuffle.shuffle(rows, random);
            int n = (int) Math.round(rows.length * share);
            for (int i = 0; i < rows.length; i++) {
                (i < n ? test : train).add(rows[i]);
            }
        }
        return new int[][] {train.build().sorted().toArray(), test.build().sorted().toArray()};
    }

    static MultiLayerConfiguration configuration(TrainSpec spec, Preprocessor pre, long seed, double[] classWeights) {
        TrainSpec.Training t = spec.training();
        NeuralNetConfiguration.Builder builder = new NeuralNetConfiguration.Builder()
                .seed(seed)
                .dataType(DataType.FLOAT)
                .weightInit(WeightInit.XAVIER)
                .updater(switch (t.optimizer()) {
                    case "sgd" -> new Sgd(t.learningRate());
                    case "nesterovs" -> new Nesterovs(t.learningRate(), t.momentum());
                    default -> new Adam(t.learningRate());
                });
        if (t.weightDecay() > 0) {
            builder.weightDecay(t.weightDecay());
        }
        if (t.l2() > 0) {
            builder.l2(t.l2());
        }
        NeuralNetConfiguration.ListBuilder layers = builder.list();
        int in = pre.inputWidth();
        for (TrainSpec.Layer layer : spec.model().layers()) {
            DenseLayer.Builder dense = new DenseLayer.Builder().nIn(in).nOut(layer.units())
                    .activation(Activation.fromString(layer.activation()));
            if (layer.dropout() > 0) {
                // DL4J's dropOut takes the probability of KEEPING an activation
                dense.dropOut(1 - layer.dropout());
            }
            layers.layer(dense.build());
            if (layer.batchNorm()) {
                layers.layer(new BatchNormalization.Builder().nOut(layer.units()).build());
            }
            in = layer.units();
        }
        boolean classification = pre.task() == Task.CLASSIFICATION;
        ILossFunction loss = classification
                ? (classWeights == null ? new LossMCXENT() : new LossMCXENT(Nd4j.createFromArray(classWeights)))
                : "mae".equals(spec.model().loss()) ? new LossL1() : new LossMSE();
        layers.layer(new OutputLayer.Builder(loss)
                .nIn(in).nOut(pre.outputWidth())
                .activation(classification ? Activation.SOFTMAX : Activation.IDENTITY)
                .build());
        return layers.build();
    }

    /** Per-class loss weights in output order: {@code balanced} is n / (k · n_class); null when unweighted. */
    static double[] classWeights(TrainSpec spec, Preprocessor pre, Table train) {
        Object given = spec.training().classWeights();
        if (given == null) {
            return null;
        }
        double[] w = new double[pre.classes().size()];
        if ("balanced".equals(given)) {
            Map<String, Long> counts = Columns.counts(train, train.columnIndex(spec.label()));
            for (int k = 0; k < w.length; k++) {
                w[k] = (double) train.rowCount() / (w.length * Math.max(1, counts.getOrDefault(pre.classes().get(k), 0L)));
            }
        } else {
            Map<?, ?> map = (Map<?, ?>) given;
            for (int k = 0; k < w.length; k++) {
                Object v = map.get(pre.classes().get(k));
                w[k] = v == null ? 1.0 : ((Number) v).doubleValue();
            }
        }
        return w;
    }

    /** Features and targets (one-hot for classes, standardised value for regression). */
    static INDArray[] arrays(Preprocessor pre, Table table) {
        int labelColumn = table.columnIndex(pre.label());
        float[][] x = new float[table.rowCount()][];
        float[][] y = new float[table.rowCount()][pre.outputWidth()];
        for (int r = 0; r < x.length; r++) {
            x[r] = pre.transform(pre.featureValues(table, r));
            double target = pre.encodeTarget(table.value(r, labelColumn));
            if (pre.task() == Task.CLASSIFICATION) {
                if (target >= 0) {
                    y[r][(int) target] = 1f;
                }
            } else {
                y[r][0] = (float) target;
            }
        }
        return new INDArray[] {Nd4j.create(x), Nd4j.create(y)};
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

    static Lineage lineage(Path dataFile, Path specFile, long rows, long seed) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("deeplearning4j", libraryVersion("org.deeplearning4j", "deeplearning4j-nn"));
        env.put("nd4j", libraryVersion("org.nd4j", "nd4j-native"));
        env.put("nd4j.backend", Nd4j.getBackend().getClass().getSimpleName());
        env.put("dataType", "FLOAT");
        env.put("java", System.getProperty("java.vendor") + " " + System.getProperty("java.version"));
        env.put("os", System.getProperty("os.name") + " " + System.getProperty("os.arch"));
        env.put("OMP_NUM_THREADS", String.valueOf(System.getenv("OMP_NUM_THREADS")));
        env.put("OMP_WAIT_POLICY", String.valueOf(System.getenv("OMP_WAIT_POLICY")));
        env.put("OPENBLAS_CORETYPE", String.valueOf(System.getenv("OPENBLAS_CORETYPE")));
        env.put("availableProcessors", String.valueOf(Runtime.getRuntime().availableProcessors()));
        return new Lineage(Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(), Lineage.user(),
                dataFile.getFileName().toString(), Sha256.of(dataFile), rows, Sha256.of(specFile), seed,
                Lineage.env("GIT_COMMIT"), Lineage.env("BUILD_URL"), env);
    }

    static String libraryVersion(String group, String artifact) {
        String path = "/META-INF/maven/" + group + "/" + artifact + "/pom.properties";
        try (var in = TrainStep.class.getResourceAsStream(path)) {
            if (in == null) {
                return "unknown";
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }

    static void writeJson(Path file, Object value) throws IOException {
        Files.writeString(file, Json.JSON.writeValueAsString(value) + "\n");
    }

    static void writeCsv(Path file, Table table, List<String> columns, int maxRows) throws IOException {
        int[] idx = columns.stream().mapToInt(table::columnIndex).toArray();
        try (CSVPrinter printer = new CSVPrinter(Files.newBufferedWriter(file),
                CSVFormat.RFC4180.builder().setRecordSeparator('\n').get())) {
            printer.printRecord(columns);
            for (int r = 0; r < Math.min(maxRows, table.rowCount()); r++) {
                List<String> values = new ArrayList<>(idx.length);
                for (int c : idx) {
                    String v = table.value(r, c);
                    values.add(v == null ? "" : v);
                }
                printer.printRecord(values);
            }
        }
    }

    static void replaceDirectory(Path staging, Path target) throws IOException {
        if (Files.exists(target)) {
            Path old = target.resolveSibling("." + target.getFileName() + "-old-" + System.nanoTime());
            Files.move(target, old, StandardCopyOption.ATOMIC_MOVE);
            Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
            FileTrees.delete(old);
        } else {
            Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
        }
    }

    static StepResult result(TrainSpec spec, Preprocessor pre, TrainingLoop.Curves curves, Map<String, Double> metrics,
                             Lineage lineage, Provenance provenance, int trainRows, int holdoutRows, boolean weightsFinite,
                             List<String> identifiers, Path outDir) {
        List<Check> checks = new ArrayList<>();
        double first = curves.trainLoss()[0];
        double last = curves.trainLoss()[curves.trainLoss().length - 1];
        checks.add(Check.of("loss-finite", Double.isFinite(last), last, "finite",
                Double.isFinite(last) ? "Training loss stayed finite in every epoch."
                        : "Training loss became NaN or infinite: lower the learning rate or check the inputs."));
        checks.add(Check.of("weights-finite", weightsFinite, weightsFinite ? "finite" : "NaN/Inf", "finite",
                weightsFinite ? "Every weight is a finite number." : "Some weights are NaN or infinite: the model is"
                        + " unusable; lower the learning rate or check the inputs."));
        boolean predictionsFinite = metrics.values().stream().allMatch(Double::isFinite);
        checks.add(Check.of("predictions-finite", predictionsFinite, predictionsFinite ? "finite" : "NaN/Inf", "finite",
                predictionsFinite ? "Hold-out predictions and metrics are finite."
                        : "Hold-out metrics are not finite: the model predicts NaN or infinity."));
        boolean decreased = last < first;
        checks.add(new Check("loss-decreased", decreased ? CheckStatus.PASSED : CheckStatus.WARNING, last,
                "< " + Html.number(first), decreased ? "Loss fell from " + Html.number(first) + " to " + Html.number(last)
                + " over " + curves.trainLoss().length + " epochs." : "Loss did not decrease; the model may not be learning."));
        String headline = metrics.entrySet().stream().map(e -> e.getKey() + " " + Html.number(e.getValue()))
                .reduce((a, b) -> a + ", " + b).orElse("");
        String summary = "Trained " + spec.name() + " (" + spec.task().jsonName() + ", " + pre.inputWidth() + " inputs → "
                + spec.model().hidden() + " → " + pre.outputWidth() + ") on " + trainRows + " rows for "
                + curves.trainLoss().length + " epochs" + (curves.stoppedEarly() ? " (stopped early, best epoch "
                + curves.bestEpoch() + ")" : "") + ", seed " + lineage.seed() + "; hold-out (" + holdoutRows + " rows): "
                + headline + ".";
        boolean failed = checks.stream().anyMatch(c -> c.status() == CheckStatus.FAILED);
        StepResult result = new StepResult(STEP, failed ? Status.FAILED : Status.PASSED, summary, checks)
                .with("model", spec.name())
                .with("package", PACKAGE_DIR)
                .with("trainRows", trainRows)
                .with("holdoutRows", holdoutRows)
                .with("metrics", metrics)
                .with("excludedIdentifiers", identifiers)
                .with("seed", lineage.seed())
                .with("learningCurves", Map.of("trainLoss", curves.trainLoss(), "holdoutLoss", curves.holdoutLoss(),
                        "holdoutMetric", curves.holdoutMetric(), "metricName", curves.metricName()))
                .with("lineage", lineage)
                .with(Provenance.SECTION, provenance)
                .withArtifact(PACKAGE_DIR + "/")
                .withArtifact(HOLDOUT_FILE);
        HtmlReport report = HtmlReport.forResult("Model training", result);
        report.section("Learning curves")
                .figure(Svg.lines(List.of(new Svg.Series("training loss", curves.trainLoss()),
                        new Svg.Series("hold-out loss", curves.holdoutLoss())), "epoch", "Loss per epoch"), "Loss per epoch")
                .figure(Svg.lines(List.of(new Svg.Series("hold-out " + curves.metricName(), curves.holdoutMetric())),
                        "epoch", "Hold-out " + curves.metricName() + " per epoch"), "Hold-out " + curves.metricName()
                        + " per epoch");
        report.section("Hold-out metrics");
        HtmlTable table = new HtmlTable("Metric", "Value");
        metrics.forEach(table::row);
        report.table(table);
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("features", String.join(", ", pre.featureNames()));
        if (!identifiers.isEmpty()) {
            facts.put("left out as identifier-like", String.join(", ", identifiers)
                    + " (text with more distinct values than half the rows; name them in features.include to use them)");
        }
        facts.put("label", spec.label() + (pre.classes().isEmpty() ? "" : " " + pre.classes()));
        facts.put("split", "hold-out " + spec.split().test() + ", " + spec.split().by()
                + (spec.split().column() == null ? "" : " by " + spec.split().column()));
        facts.put("network", pre.inputWidth() + " → " + spec.model().hidden() + " (" + spec.model().activation() + ") → "
                + pre.outputWidth());
        facts.put("optimiser", spec.training().optimizer() + ", learning rate " + spec.training().learningRate()
                + ", batch " + spec.training().batchSize() + (spec.training().weightDecay() > 0 ? ", weight decay "
                + spec.training().weightDecay() : "") + (spec.training().l2() > 0 ? ", L2 " + spec.training().l2() : ""));
        facts.put("early stopping", spec.training().earlyStopping() == null ? "off" : spec.training().earlyStopping()
                .metric() + ", patience " + spec.training().earlyStopping().patience() + ", on "
                + spec.training().earlyStopping().validation() + " of the training rows");
        facts.put("seed", lineage.seed());
        facts.put("data", lineage.dataFile() + " sha256:" + lineage.dataSha256());
        facts.put("spec sha256", lineage.specSha256());
        facts.put("code commit", lineage.codeCommit() == null ? "not set (GIT_COMMIT)" : lineage.codeCommit());
        facts.putAll(lineage.environment());
        report.section("Spec, environment and lineage").facts(facts);
        report.link(PACKAGE_DIR + "/" + Manifest.FILE, "Model package manifest (SHA-256 of every file)");
        StepOutputWriter.write(outDir, result, report);
        return result;
    }
}
