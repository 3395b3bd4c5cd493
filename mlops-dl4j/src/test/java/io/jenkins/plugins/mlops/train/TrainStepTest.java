package io.jenkins.plugins.mlops.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.jenkins.plugins.mlops.contract.Check;
import io.jenkins.plugins.mlops.contract.InvalidInputException;
import io.jenkins.plugins.mlops.contract.Json;
import io.jenkins.plugins.mlops.contract.Status;
import io.jenkins.plugins.mlops.contract.StepResult;
import io.jenkins.plugins.mlops.data.CsvReader;
import io.jenkins.plugins.mlops.data.Sha256;
import io.jenkins.plugins.mlops.data.Table;
import io.jenkins.plugins.mlops.evaluation.ModelTestStep;
import io.jenkins.plugins.mlops.evaluation.TestSpec;
import io.jenkins.plugins.mlops.evaluation.TestSuite;
import io.jenkins.plugins.mlops.model.Lineage;
import io.jenkins.plugins.mlops.model.PackagedModel;
import io.jenkins.plugins.mlops.stage.StageRunner;
import io.jenkins.plugins.mlops.testing.Fixtures;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainStepTest {
    private static final PrintStream QUIET = new PrintStream(java.io.OutputStream.nullOutputStream());

    @Test
    void penguinsSpecTrainsAnAccurateVerifiedPackage(@TempDir Path out) {
        StepResult result = TrainStep.run(Fixtures.spec("penguins.yaml"), Fixtures.dataset("penguins.csv"), out, QUIET);
        assertThat(result.getStatus()).isEqualTo(Status.PASSED);
        @SuppressWarnings("unchecked")
        Map<String, Double> metrics = (Map<String, Double>) result.getSections().get("metrics");
        assertThat(metrics.get("accuracy")).isGreaterThanOrEqualTo(0.95);
        Path model = out.resolve("model");
        Lineage lineage = Json.readJson(model.resolve("lineage.json"), Lineage.class);
        assertThat(lineage.seed()).isEqualTo(42);
        assertThat(lineage.dataSha256()).isEqualTo("1867a776a83379df4219f227bb1effb967da12adb13732127c8c8d120434c29b");
        assertThat(lineage.environment()).containsKeys("OMP_NUM_THREADS", "deeplearning4j", "java");
        // the reloaded package predicts as well as the trained network did: same preprocessing, same weights
        Table holdout = new CsvReader().read(out.resolve("holdout.csv"));
        assertThat(holdout.rowCount()).isEqualTo(69);
        try (PackagedModel packaged = PackagedModel.load(model)) {
            StepResult test = ModelTestStep.run(packaged, holdout, out.resolve("holdout.csv"),
                    TestSuite.defaults(packaged.info().task()), out);
            @SuppressWarnings("unchecked")
            Map<String, Double> tested = (Map<String, Double>) test.getSections().get("metrics");
            assertThat(tested.get("accuracy")).isEqualTo(metrics.get("accuracy"));
        }
    }

    @Test
    void sameSeedAndDataGiveTheSameModelBytes(@TempDir Path tmp) throws Exception {
        Path spec = tmp.resolve("iris.yaml");
        Files.writeString(spec, "task: classification\nlabel: target\nseed: 7\ntraining: {epochs: 15}\n");
        TrainStep.run(spec, Fixtures.dataset("iris.csv"), tmp.resolve("a"), QUIET);
        TrainStep.run(spec, Fixtures.dataset("iris.csv"), tmp.resolve("b"), QUIET);
        for (String file : new String[] {"params.bin", "network.json", "preprocessing.json", "reference.csv"}) {
            assertThat(Sha256.of(tmp.resolve("a/model/" + file))).as(file)
                    .isEqualTo(Sha256.of(tmp.resolve("b/model/" + file)));
        }
    }

    @Test
    void aMinimalSpecStopsEarlyKeepsTheBetterOfNetworkAndLinearModelAndTheTestComparesThem(@TempDir Path tmp)
            throws Exception {
        Path spec = tmp.resolve("minimal.yaml");
        Files.writeString(spec, "task: classification\nlabel: species\nseed: 42\n");
        TrainSpec checked = TrainSpec.read(spec);
        assertThat(checked.training().epochs()).isEqualTo(TrainSpec.MAX_OPEN_EPOCHS);
        assertThat(checked.training().earlyStopping()).isEqualTo(new TrainSpec.EarlyStopping("loss", 10, true, 0.1));
        assertThat(checked.model().baseline()).isTrue();
        StepResult result = TrainStep.run(spec, Fixtures.dataset("penguins.csv"), tmp.resolve("a"), QUIET);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> candidates = (List<Map<String, Object>>) result.getSections().get("candidates");
        // on penguins the network's validation loss is an order of magnitude below the linear model's
        assertThat(candidates).extracting(c -> c.get("model"), c -> c.get("kept"))
                .containsExactly(tuple("network [64, 32]", true), tuple("linear", false));
        assertThat((Double) candidates.get(0).get("validationLoss")).isLessThan((Double) candidates.get(1).get("validationLoss"));
        assertThat(candidates).allSatisfy(c -> assertThat((Integer) c.get("epochs")).isLessThan(TrainSpec.MAX_OPEN_EPOCHS));
        // the curve early stopping watched is reported, one value per epoch, lowest at the kept epoch
        @SuppressWarnings("unchecked")
        double[] validation = (double[]) ((Map<String, Object>) result.getSections().get("learningCurves"))
                .get("validationLoss");
        assertThat(validation).hasSize((Integer) candidates.get(0).get("epochs"));
        assertThat(validation[(Integer) candidates.get(0).get("bestEpoch") - 1])
                .isEqualTo(java.util.Arrays.stream(validation).min().orElseThrow());
        Path model = tmp.resolve("a/model");
        try (PackagedModel network = PackagedModel.load(model);
             PackagedModel linear = PackagedModel.load(model.resolve(PackagedModel.BASELINE_DIR))) {
            assertThat(linear.info().features()).isEqualTo(network.info().features());
            assertThat(linear.digest()).isNotEqualTo(network.digest());
        }
        // the test step compares with the packaged baseline on its own: "a simpler model is not better"
        StepResult test = StageRunner.run(new ModelTestStep(), new TestSpec(model, tmp.resolve("a/holdout.csv"), null,
                null), tmp.resolve("test"));
        assertThat(test.getChecks()).extracting(Check::name).contains("baseline:accuracy");
        TrainStep.run(spec, Fixtures.dataset("penguins.csv"), tmp.resolve("b"), QUIET);
        for (String file : new String[] {"params.bin", "baseline/params.bin", "baseline/network.json"}) {
            assertThat(Sha256.of(tmp.resolve("b/model/" + file))).as(file).isEqualTo(Sha256.of(model.resolve(file)));
        }
    }

    @Test
    void regressionOnDiabetes(@TempDir Path tmp) throws Exception {
        Path spec = tmp.resolve("diabetes.yaml");
        Files.writeString(spec, "task: regression\nlabel: target\nseed: 3\nmodel: {hidden: [16]}\n"
                + "training: {epochs: 40, learningRate: 0.005}\n");
        StepResult result = TrainStep.run(spec, Fixtures.dataset("diabetes.csv"), tmp, QUIET);
        @SuppressWarnings("unchecked")
        Map<String, Double> metrics = (Map<String, Double>) result.getSections().get("metrics");
        assertThat(metrics.get("r2")).isGreaterThan(0.3);
        assertThat(metrics).containsKeys("rmse", "mae");
    }

    @Test
    void specErrorsNameTheKey(@TempDir Path out) {
        Path data = Fixtures.dataset("penguins.csv");
        assertThatThrownBy(() -> TrainStep.run(Fixtures.bad("bad-spec-key.yaml"), data, out, QUIET))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("bad-spec-key.yaml:5:")
                .hasMessageContaining("unknown key 'activaton'");
        assertThatThrownBy(() -> TrainStep.run(Fixtures.bad("seed-zero.yaml"), data, out, QUIET))
                .hasMessageContaining("'seed' must not be 0");
        assertThatThrownBy(() -> TrainStep.run(Fixtures.bad("unknown-label.yaml"), data, out, QUIET))
                .hasMessageContaining("label column 'kind'");
        assertThat(out).isEmptyDirectory();
    }
}
