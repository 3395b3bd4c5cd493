package io.jenkins.plugins.mlops.tune;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.mlops.contract.Status;
import io.jenkins.plugins.mlops.contract.StepResult;
import io.jenkins.plugins.mlops.testing.Fixtures;
import io.jenkins.plugins.mlops.train.TrainSpec;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TuneStepTest {
    private static final PrintStream QUIET = new PrintStream(OutputStream.nullOutputStream());
    private static final String BASE = "task: classification\nlabel: target\nseed: 3\nmodel: {hidden: [8]}\n"
            + "training: {epochs: 6, batchSize: 16, learningRate: 0.01}\n";

    private static Path spec(Path dir, String tune) throws Exception {
        Path file = dir.resolve("spec.yaml");
        Files.writeString(file, BASE + tune);
        return file;
    }

    @SuppressWarnings("unchecked")
    private static List<Trial> trials(StepResult r) {
        return (List<Trial>) r.getSections().get("trials");
    }

    @Test
    void randomSearchWritesTrialsAndTheBestSpec(@TempDir Path tmp) throws Exception {
        Path spec = spec(tmp, "tune: {method: random, trials: 4, space: {training.learningRate: {log: [0.001, 0.1]},"
                + " model.hidden: [[4], [16]]}}\n");
        StepResult r = TuneStep.run(spec, Fixtures.dataset("iris.csv"), 2, 1, 1, tmp.resolve("out"), QUIET);
        assertThat(r.getStatus()).isEqualTo(Status.PASSED);
        assertThat(trials(r)).hasSize(4).allSatisfy(t -> assertThat(t.value()).isBetween(0.0, 1.0));
        assertThat(trials(r).stream().map(Trial::id).distinct()).hasSize(4);
        Trial best = (Trial) r.getSections().get("best");
        TrainSpec bestSpec = TrainSpec.read(tmp.resolve("out/best-spec.yaml"));
        assertThat(bestSpec.training().learningRate()).isEqualTo(((Number) best.params().get("training.learningRate"))
                .doubleValue());
        assertThat(bestSpec.tune()).isNull();
        assertThat(tmp.resolve("out/tune.html")).exists();
    }

    @Test
    void shardsTogetherRunTheWholeGridAndSelectAgrees(@TempDir Path tmp) throws Exception {
        Path spec = spec(tmp, "tune: {method: grid, space: {training.learningRate: [0.003, 0.03],"
                + " training.batchSize: [8, 32], model.hidden: [[4], [12]]}}\n");
        StepResult whole = TuneStep.run(spec, Fixtures.dataset("iris.csv"), 2, 1, 1, tmp.resolve("whole"), QUIET);
        StepResult a = TuneStep.run(spec, Fixtures.dataset("iris.csv"), 1, 1, 2, tmp.resolve("a"), QUIET);
        StepResult b = TuneStep.run(spec, Fixtures.dataset("iris.csv"), 1, 2, 2, tmp.resolve("b"), QUIET);
        assertThat(trials(whole)).hasSize(8);
        Set<String> sharded = trials(a).stream().map(Trial::id).collect(Collectors.toSet());
        trials(b).forEach(t -> assertThat(sharded.add(t.id())).as("in one shard only").isTrue());
        assertThat(sharded).isEqualTo(trials(whole).stream().map(Trial::id).collect(Collectors.toSet()));
        StepResult selected = TuneStep.select(List.of(tmp.resolve("a"), tmp.resolve("b/tune.json")), tmp.resolve("sel"));
        // one BLAS thread per trial: the same trial scores the same in any shard or parallelism
        assertThat(((Trial) selected.getSections().get("best")).id())
                .isEqualTo(((Trial) whole.getSections().get("best")).id());
        assertThat(Files.readString(tmp.resolve("sel/best-spec.yaml")))
                .isEqualTo(Files.readString(tmp.resolve("whole/best-spec.yaml")));
    }

    @Test
    void halvingGivesTheSurvivorsMoreEpochs(@TempDir Path tmp) throws Exception {
        Path spec = spec(tmp, "tune: {method: halving, trials: 6, factor: 3, minEpochs: 2,"
                + " space: {training.learningRate: {log: [0.001, 0.1]}}}\n");
        StepResult r = TuneStep.run(spec, Fixtures.dataset("iris.csv"), 2, 1, 1, tmp.resolve("out"), QUIET);
        // 6 candidates on 2 epochs, the best 2 on 6 (capped at the spec's 6 epochs)
        assertThat(trials(r)).hasSize(8);
        assertThat(trials(r).stream().filter(t -> t.epochs() == 6)).hasSize(2);
    }

    @Test
    void tpeRunsTheAskedNumberOfTrials(@TempDir Path tmp) throws Exception {
        Path spec = spec(tmp, "tune: {method: tpe, trials: 8, space: {training.learningRate: {log: [0.001, 0.1]},"
                + " training.batchSize: [8, 16, 32]}}\n");
        StepResult r = TuneStep.run(spec, Fixtures.dataset("iris.csv"), 2, 1, 1, tmp.resolve("out"), QUIET);
        assertThat(trials(r)).hasSize(8);
        assertThat(trials(r).stream().map(Trial::id).distinct()).hasSize(8);
    }

    @Test
    void badSearchesAreInputErrors(@TempDir Path tmp) throws Exception {
        Path data = Fixtures.dataset("iris.csv");
        Path notTunable = spec(tmp, "tune: {space: {label: [a, b]}}\n");
        assertThatThrownBy(() -> TuneStep.run(notTunable, data, 1, 1, 1, tmp, QUIET))
                .hasMessageContaining("'tune.space.label' cannot be tuned");
        Path sharded = spec(tmp, "tune: {method: tpe, space: {training.batchSize: [8, 16]}}\n");
        assertThatThrownBy(() -> TuneStep.run(sharded, data, 1, 1, 2, tmp, QUIET))
                .hasMessageContaining("sharding needs 'tune.method' grid or random");
        Path range = spec(tmp, "tune: {method: grid, space: {training.learningRate: {log: [0.001, 0.1]}}}\n");
        assertThatThrownBy(() -> TuneStep.run(range, data, 1, 1, 1, tmp, QUIET)).hasMessageContaining("a grid needs lists");
        Path none = tmp.resolve("plain.yaml");
        Files.writeString(none, BASE);
        assertThatThrownBy(() -> TuneStep.run(none, data, 1, 1, 1, tmp, QUIET)).hasMessageContaining("no 'tune' section");
    }
}
