package io.jenkins.plugins.mlops.train;

import io.jenkins.plugins.mlops.contract.InvalidInputException;
import io.jenkins.plugins.mlops.contract.Json;
import io.jenkins.plugins.mlops.model.Task;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The training spec (YAML). Unknown keys are errors that name the key; every value is checked
 * before any work starts.
 * <pre>
 * task: classification      # or regression
 * label: species
 * seed: 42
 * split: {test: 0.2, stratify: true}
 * model: {hidden: [32, 16], activation: relu}
 * training: {epochs: 60, batchSize: 32, learningRate: 0.01}
 * </pre>
 *
 * @param name model name (default: the label column)
 * @param seed non-zero; DL4J treats 0 as "no seed", so 0 is refused and an absent seed is chosen
 *     and recorded
 * @param exclude columns not to use as features (identifiers, leaks)
 */
public record TrainSpec(String name, Task task, String label, Long seed, List<String> exclude, Split split,
                        ModelSpec model, Training training) {

    /** @param test hold-out fraction; @param stratify keep class shares equal in both parts */
    public record Split(Double test, Boolean stratify) {
    }

    public record ModelSpec(List<Integer> hidden, String activation) {
    }

    public record Training(Integer epochs, Integer batchSize, Double learningRate) {
    }

    static final Set<String> ACTIVATIONS = Set.of("relu", "tanh", "sigmoid", "leakyrelu", "elu", "selu", "swish",
            "gelu", "identity");

    public static TrainSpec read(Path file) {
        TrainSpec spec = Json.readYaml(file, TrainSpec.class);
        return spec.validated(file);
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
        Split s = split == null ? new Split(null, null) : split;
        double test = s.test() == null ? 0.2 : s.test();
        if (!(test > 0 && test < 1)) {
            throw bad(file, "split.test", "must be between 0 and 1 (got " + test + ")");
        }
        boolean stratify = s.stratify() == null ? task == Task.CLASSIFICATION : s.stratify();
        if (stratify && task == Task.REGRESSION) {
            throw bad(file, "split.stratify", "applies to classification only");
        }
        ModelSpec m = model == null ? new ModelSpec(null, null) : model;
        List<Integer> hidden = m.hidden() == null ? List.of(64, 32) : m.hidden();
        if (hidden.stream().anyMatch(h -> h == null || h < 1 || h > 65536)) {
            throw bad(file, "model.hidden", "must list layer widths between 1 and 65536 (got " + hidden + ")");
        }
        String activation = m.activation() == null ? "relu" : m.activation().toLowerCase(Locale.ROOT);
        if (!ACTIVATIONS.contains(activation)) {
            throw bad(file, "model.activation", "unknown activation '" + m.activation() + "' (known: "
                    + new java.util.TreeSet<>(ACTIVATIONS) + ")");
        }
        Training t = training == null ? new Training(null, null, null) : training;
        int epochs = t.epochs() == null ? 50 : t.epochs();
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
        return new TrainSpec(name == null ? label : name, task, label, seed, exclude == null ? List.of() : exclude,
                new Split(test, stratify), new ModelSpec(hidden, activation), new Training(epochs, batch, lr));
    }

    private static InvalidInputException bad(Path file, String key, String message) {
        return InvalidInputException.in(file, "'" + key + "' " + message);
    }
}
