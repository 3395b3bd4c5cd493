package io.jenkins.plugins.mlops.train;

import io.jenkins.plugins.mlops.contract.InvalidInputException;
import io.jenkins.plugins.mlops.contract.Json;
import io.jenkins.plugins.mlops.model.ColumnOptions;
import io.jenkins.plugins.mlops.model.Task;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The training spec (YAML); every key and default is documented in {@code plugin-docs/train-spec.md}.
 * Unknown keys are errors that name the key, its line and column; every value is checked before
 * any work starts. The foundation example stays valid:
 * <pre>
 * task: classification      # or regression
 * label: species
 * seed: 42
 * split: {test: 0.2, stratify: true}
 * model: {hidden: [32, 16], activation: relu}
 * training: {epochs: 60, batchSize: 32, learningRate: 0.01}
 * </pre>
 *
 * @param seed non-zero; DL4J treats 0 as "no seed", so 0 is refused and an absent seed is chosen
 *     and recorded
 */
public record TrainSpec(String name, Task task, String label, Long seed, Features features,
                        Preprocessing preprocessing, Split split, ModelSpec model, Training training, Tuning tune,
                        Card card) {

    /** The human parts of the model card (Mitchell et al., "Model Cards for Model Reporting"). */
    public record Card(String owners, String intendedUse, String outOfScope, String factors,
                       String ethicalConsiderations, String caveats) {
    }

    /**
     * Hyperparameter search ({@code mlops tune}); {@code mlops train} ignores it.
     *
     * @param method grid, random, halving (successive halving on epochs) or tpe (tree-structured Parzen)
     * @param trials candidates for random, halving and tpe (grid tries every combination)
     * @param metric what a trial is scored by, on {@code validation}, a share of the training rows
     * @param space key -> a list of choices, or {@code {log: [a, b]}}, {@code {uniform: [a, b]}},
     *     {@code {int: [a, b]}}; keys under {@code model.} and {@code training.}
     */
    public record Tuning(String method, Integer trials, String metric, Double validation,
                         Map<String, Object> space, Integer factor, Integer minEpochs) {
    }

    /** Feature columns: all but the label, or {@code include} only, minus {@code exclude}. */
    public record Features(List<String> include, List<String> exclude) {
    }

    /** Per-column preparation; {@code numeric} and {@code categorical} set the defaults of each kind. */
    public record Preprocessing(Prep numeric, Prep categorical, Map<String, Prep> columns) {
    }

    /**
     * @param impute mean, median, most_frequent or constant; @param value the constant
     * @param scale standard, minmax or none (numeric only); @param log symmetric log first
     */
    public record Prep(String impute, String value, String scale, Boolean log) {
    }

    /**
     * @param test hold-out fraction
     * @param by random, stratified (by class) or time (the last rows by {@code column} are held out)
     * @param stratify the foundation spelling of {@code by: stratified}
     */
    public record Split(Double test, Boolean stratify, String by, String column) {
    }

    public record Layer(Integer units, String activation, Double dropout, Boolean batchNorm) {
    }

    /**
     * @param hidden shorthand for layers of these widths with {@code activation}, {@code dropout}
     *     and {@code batchNorm}; {@code layers} instead gives each layer its own settings
     * @param dropout share of a hidden layer's outputs dropped while training, 0..1
     * @param loss mcxent (classification) or mse, mae (regression)
     * @param baseline also train a linear model (no hidden layers) on the same rows and keep whichever has the
     *     lower loss on the early-stopping validation share; the other is reported beside it, and a kept network
     *     carries the linear model in its package ({@code baseline/}) for the test step's comparison. Default:
     *     on when the spec fixes neither the layers nor the epochs
     */
    public record ModelSpec(List<Integer> hidden, String activation, Double dropout, Boolean batchNorm,
                            List<Layer> layers, String loss, Boolean baseline) {
        /** The same model without hidden layers: softmax (or linear) regression on the same inputs. */
        ModelSpec linear() {
            return new ModelSpec(List.of(), activation, 0.0, false, List.of(), loss, false);
        }
    }

    /**
     * @param metric loss, accuracy or r2, measured on {@code validation}, a share of the training
     *     rows held apart for it (never the test rows)
     */
    public record EarlyStopping(String metric, Integer patience, Boolean restoreBest, Double validation) {
    }

    /**
     * @param optimizer adam, sgd or nesterovs (sgd with momentum)
     * @param weightDecay decoupled weight decay; @param l2 L2 penalty on the loss
     * @param classWeights {@code balanced}, or class -> weight
     */
    public record Training(Integer epochs, Integer batchSize, Double learningRate, String optimizer, Double momentum,
                           Double weightDecay, Double l2, EarlyStopping earlyStopping, Object classWeights) {
    }

    static final Set<String> ACTIVATIONS = Set.of("relu", "tanh", "sigmoid", "leakyrelu", "elu", "selu", "swish",
            "gelu", "identity");
    static final Set<String> OPTIMIZERS = Set.of("adam", "sgd", "nesterovs");
    /** The bound on epochs when the spec leaves them to early stopping. */
    static final int MAX_OPEN_EPOCHS = 200;

    public static TrainSpec read(Path file) {
        return Json.readYaml(file, TrainSpec.class).validated(file);
    }

    /** A spec from a YAML tree (the tuner's variations of a spec file), checked like a file. */
    public static TrainSpec fromTree(com.fasterxml.jackson.databind.JsonNode tree, Path file) {
        try {
            return Json.YAML.treeToValue(tree, TrainSpec.class).validated(file);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw Json.located(file, e);
        }
    }

    /** Fills defaults and checks every value; errors name the key. */
    TrainSpec validated(Path file) {
        if (task == null) {
            throw bad(file, "task", "is required (classification or regression)");
        }
        if (label == null || label.isBlank()) {
            throw bad(file, "label", "is required: the column to predict");
        }
        if (seed != null && seed == 0) {
            throw bad(file, "seed", "must not be 0: DL4J treats seed 0 as 'no seed'; use any other number");
        }
        Features f = features == null ? new Features(null, null) : features;
        Preprocessing p = preprocessing == null ? new Preprocessing(null, null, null) : preprocessing;
        Map<String, Prep> columns = new LinkedHashMap<>(p.columns() == null ? Map.of() : p.columns());
        options(file, "preprocessing.numeric", p.numeric(), true);
        options(file, "preprocessing.categorical", p.categorical(), false);
        columns.forEach((column, prep) -> options(file, "preprocessing.columns." + column, prep, null));
        Training t = training(file);
        ModelSpec m = model(file, t);
        return new TrainSpec(name == null ? label : name, task, label, seed,
                new Features(f.include(), f.exclude() == null ? List.of() : f.exclude()),
                new Preprocessing(p.numeric(), p.categorical(), columns), split(file), m, t, tune, card);
    }

    /** This spec with the linear baseline's model instead of its own. */
    TrainSpec linear() {
        return new TrainSpec(name, task, label, seed, features, preprocessing, split, model.linear(), training, tune,
                card);
    }

    private Split split(Path file) {
        Split s = split == null ? new Split(null, null, null, null) : split;
        double test = s.test() == null ? 0.2 : s.test();
        if (!(test > 0 && test < 1)) {
            throw bad(file, "split.test", "must be between 0 and 1 (got " + test + ")");
        }
        String by = s.by() != null ? s.by().toLowerCase(Locale.ROOT)
                : Boolean.TRUE.equals(s.stratify()) || s.stratify() == null && task == Task.CLASSIFICATION
                ? "stratified" : "random";
        if (!Set.of("random", "stratified", "time").contains(by)) {
            throw bad(file, "split.by", "must be random, stratified or time (got " + s.by() + ")");
        }
        if (by.equals("stratified") && task == Task.REGRESSION) {
            throw bad(file, s.by() != null ? "split.by" : "split.stratify", "stratified splits apply to classification only");
        }
        if (by.equals("time") && (s.column() == null || s.column().isBlank())) {
            throw bad(file, "split.column", "is required with by: time (the column that orders the rows)");
        }
        return new Split(test, by.equals("stratified"), by, s.column());
    }

    private ModelSpec model(Path file, Training checkedTraining) {
        ModelSpec m = model == null ? new ModelSpec(null, null, null, null, null, null, null) : model;
        String activation = activation(file, "model.activation", m.activation(), "relu");
        double dropout = fraction(file, "model.dropout", m.dropout(), 0.0);
        boolean batchNorm = Boolean.TRUE.equals(m.batchNorm());
        List<Layer> layers = new ArrayList<>();
        if (m.layers() != null && m.hidden() != null) {
            throw bad(file, "model.layers", "and 'model.hidden' exclude each other; give one");
        }
        if (m.layers() != null) {
            for (int i = 0; i < m.layers().size(); i++) {
                Layer l = m.layers().get(i);
                String key = "model.layers[" + i + "]";
                if (l.units() == null || l.units() < 1 || l.units() > 65536) {
                    throw bad(file, key + ".units", "must be between 1 and 65536 (got " + l.units() + ")");
                }
                layers.add(new Layer(l.units(), activation(file, key + ".activation", l.activation(), activation),
                        fraction(file, key + ".dropout", l.dropout(), dropout),
                        l.batchNorm() == null ? batchNorm : l.batchNorm()));
            }
        } else {
            List<Integer> hidden = m.hidden() == null ? List.of(64, 32) : m.hidden();
            for (Integer width : hidden) {
                if (width == null || width < 1 || width > 65536) {
                    throw bad(file, "model.hidden", "must list layer widths between 1 and 65536 (got " + hidden + ")");
                }
                layers.add(new Layer(width, activation, dropout, batchNorm));
            }
        }
        String loss = m.loss() == null ? (task == Task.CLASSIFICATION ? "mcxent" : "mse") : m.loss().toLowerCase(Locale.ROOT);
        Set<String> losses = task == Task.CLASSIFICATION ? Set.of("mcxent") : Set.of("mse", "mae");
        if (!losses.contains(loss)) {
            throw bad(file, "model.loss", "must be one of " + new TreeSet<>(losses) + " for " + task.jsonName()
                    + " (got " + m.loss() + ")");
        }
        boolean open = m.hidden() == null && m.layers() == null && (training == null || training.epochs() == null);
        boolean baseline = m.baseline() != null ? m.baseline() : open;
        if (baseline && checkedTraining.earlyStopping() == null) {
            throw bad(file, "model.baseline", "chooses on the early-stopping validation share: set"
                    + " 'training.earlyStopping' or leave 'training.epochs' out");
        }
        return new ModelSpec(layers.stream().map(Layer::units).toList(), activation, dropout, batchNorm, layers, loss,
                baseline && !layers.isEmpty());
    }

    private Training training(Path file) {
        Training t = training == null ? new Training(null, null, null, null, null, null, null, null, null) : training;
        // epochs left open: train until the validation loss stops improving, as long as it takes up to a bound
        boolean open = t.epochs() == null;
        int epochs = open ? MAX_OPEN_EPOCHS : t.epochs();
        int batch = t.batchSize() == null ? 32 : t.batchSize();
        double lr = t.learningRate() == null ? 0.01 : t.learningRate();
        if (epochs < 1 || epochs > 100_000) {
            throw bad(file, "training.epochs", "must be between 1 and 100000 (got " + epochs + ")");
        }
        if (batch < 1) {
            throw bad(file, "training.batchSize", "must be at least 1 (got " + batch + ")");
        }
        if (!(lr > 0 && lr < 10)) {
            throw bad(file, "training.learningRate", "must be > 0 and < 10 (got " + lr + ")");
        }
        String optimizer = t.optimizer() == null ? "adam" : t.optimizer().toLowerCase(Locale.ROOT);
        if (!OPTIMIZERS.contains(optimizer)) {
            throw bad(file, "training.optimizer", "must be one of " + new TreeSet<>(OPTIMIZERS) + " (got "
                    + t.optimizer() + ")");
        }
        double momentum = fraction(file, "training.momentum", t.momentum(), 0.9);
        double weightDecay = nonNegative(file, "training.weightDecay", t.weightDecay());
        double l2 = nonNegative(file, "training.l2", t.l2());
        EarlyStopping es = null;
        if (t.earlyStopping() != null || open) {
            EarlyStopping e = t.earlyStopping() != null ? t.earlyStopping() : new EarlyStopping(null, null, null, null);
            String metric = e.metric() == null ? "loss" : e.metric().toLowerCase(Locale.ROOT);
            Set<String> metrics = task == Task.CLASSIFICATION ? Set.of("loss", "accuracy") : Set.of("loss", "r2");
            if (!metrics.contains(metric)) {
                throw bad(file, "training.earlyStopping.metric", "must be one of " + new TreeSet<>(metrics) + " (got "
                        + e.metric() + ")");
            }
            int patience = e.patience() == null ? 10 : e.patience();
            if (patience < 1) {
                throw bad(file, "training.earlyStopping.patience", "must be at least 1 (got " + patience + ")");
            }
            double validation = e.validation() == null ? 0.1 : e.validation();
            if (!(validation > 0 && validation < 1)) {
                throw bad(file, "training.earlyStopping.validation", "must be between 0 and 1 (got " + validation + ")");
            }
            es = new EarlyStopping(metric, patience, e.restoreBest() == null || e.restoreBest(), validation);
        }
        Object weights = t.classWeights();
        if (weights != null) {
            if (task == Task.REGRESSION) {
                throw bad(file, "training.classWeights", "apply to classification only");
            }
            boolean ok = "balanced".equals(weights) || weights instanceof Map<?, ?> map
                    && map.values().stream().allMatch(v -> v instanceof Number n && n.doubleValue() > 0);
            if (!ok) {
                throw bad(file, "training.classWeights", "must be 'balanced' or a map of class -> positive weight");
            }
        }
        return new Training(epochs, batch, lr, optimizer, momentum, weightDecay, l2, es, weights);
    }

    /** The preparation of one column, checked; {@code numeric} null when it applies to either kind. */
    static ColumnOptions options(Path file, String key, Prep prep, Boolean numeric) {
        boolean isNumeric = numeric == null || numeric;
        ColumnOptions base = isNumeric ? ColumnOptions.NUMERIC_DEFAULT : ColumnOptions.CATEGORICAL_DEFAULT;
        if (prep == null) {
            return base;
        }
        ColumnOptions.Impute impute = base.impute();
        if (prep.impute() != null) {
            try {
                impute = ColumnOptions.Impute.parse(prep.impute());
            } catch (IllegalArgumentException e) {
                throw bad(file, key + ".impute", "must be mean, median, most_frequent or constant (got " + prep.impute()
                        + ")");
            }
        }
        if (Boolean.FALSE.equals(numeric) && (impute == ColumnOptions.Impute.MEAN || impute == ColumnOptions.Impute.MEDIAN)) {
            throw bad(file, key + ".impute", "mean and median apply to numeric columns only");
        }
        if (impute == ColumnOptions.Impute.CONSTANT && prep.value() == null) {
            throw bad(file, key + ".value", "is required with impute: constant");
        }
        ColumnOptions.Scale scale = base.scale();
        if (prep.scale() != null) {
            try {
                scale = ColumnOptions.Scale.parse(prep.scale());
            } catch (IllegalArgumentException e) {
                throw bad(file, key + ".scale", "must be standard, minmax or none (got " + prep.scale() + ")");
            }
        }
        return new ColumnOptions(impute, prep.value(), scale, Boolean.TRUE.equals(prep.log()));
    }

    private static String activation(Path file, String key, String value, String fallback) {
        String a = value == null ? fallback : value.toLowerCase(Locale.ROOT);
        if (!ACTIVATIONS.contains(a)) {
            throw bad(file, key, "unknown activation '" + value + "' (known: " + new TreeSet<>(ACTIVATIONS) + ")");
        }
        return a;
    }

    private static double fraction(Path file, String key, Double value, double fallback) {
        double v = value == null ? fallback : value;
        if (!(v >= 0 && v < 1)) {
            throw bad(file, key, "must be at least 0 and below 1 (got " + v + ")");
        }
        return v;
    }

    private static double nonNegative(Path file, String key, Double value) {
        double v = value == null ? 0 : value;
        if (!(v >= 0)) {
            throw bad(file, key, "must be 0 or more (got " + v + ")");
        }
        return v;
    }

    private static InvalidInputException bad(Path file, String key, String message) {
        return InvalidInputException.in(file, "'" + key + "' " + message);
    }
}
