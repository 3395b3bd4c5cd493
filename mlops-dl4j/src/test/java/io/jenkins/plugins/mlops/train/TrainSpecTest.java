package io.jenkins.plugins.mlops.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.mlops.contract.InvalidInputException;
import io.jenkins.plugins.mlops.contract.Json;
import io.jenkins.plugins.mlops.contract.Status;
import io.jenkins.plugins.mlops.contract.StepResult;
import io.jenkins.plugins.mlops.model.FeatureTransform;
import io.jenkins.plugins.mlops.model.Preprocessor;
import io.jenkins.plugins.mlops.testing.Fixtures;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TrainSpecTest {
    private static final PrintStream QUIET = new PrintStream(OutputStream.nullOutputStream());

    @Test
    void everyKeyOfTheSpecTrains(@TempDir Path out) {
        StepResult result = TrainStep.run(Fixtures.spec("penguins-full.yaml"), Fixtures.dataset("penguins.csv"), out, QUIET);
        assertThat(result.getStatus()).isEqualTo(Status.PASSED);
        assertThat(result.getSummary()).contains("stopped early");
        @SuppressWarnings("unchecked")
        Map<String, Double> metrics = (Map<String, Double>) result.getSections().get("metrics");
        assertThat(metrics.get("accuracy")).isGreaterThanOrEqualTo(0.95);
        Preprocessor pre = Json.readJson(out.resolve("model/preprocessing.json"), Preprocessor.class);
        assertThat(pre.featureNames()).doesNotContain("year", "species");
        FeatureTransform.Numeric mass = (FeatureTransform.Numeric) pre.features().stream()
                .filter(f -> f.name().equals("body_mass_g")).findFirst().orElseThrow();
        assertThat(mass.log()).isTrue();
        // min-max of the log: center is log1p(the smallest training mass), at least log1p(2700)
        assertThat(mass.center()).isGreaterThanOrEqualTo(Math.log1p(2700) - 1e-9);
        FeatureTransform.Categorical sex = (FeatureTransform.Categorical) pre.features().stream()
                .filter(f -> f.name().equals("sex")).findFirst().orElseThrow();
        assertThat(sex.impute()).isEqualTo("unknown");
        assertThat(result.getChecks()).extracting(c -> c.name()).contains("weights-finite", "predictions-finite");

        io.jenkins.plugins.mlops.registry.Registry registry = new io.jenkins.plugins.mlops.registry.Registry(
                out.resolve("registry"));
        io.jenkins.plugins.mlops.registry.ModelVersion v = registry.register(out.resolve("model"), "penguins", "alice");
        StepResult cardResult = io.jenkins.plugins.mlops.stage.StageRunner.run(
                new io.jenkins.plugins.mlops.governance.CardSpec(registry.home(), v.ref(), null), out.resolve("card"));
        @SuppressWarnings("unchecked")
        Map<String, Object> card = (Map<String, Object>) cardResult.getSections().get("card");
        assertThat(card.get("caveats").toString()).contains("Torgersen");
        assertThat(card).containsKeys("details", "intendedUse", "factors", "metrics", "evaluationData", "trainingData",
                "ethicalConsiderations", "caveats");
        assertThat(card.get("decisions").toString()).contains("alice register");
        assertThat(out.resolve("card/model-card.html")).exists();
    }

    @Test
    void timeSplitHoldsOutTheLastDays(@TempDir Path out) throws Exception {
        StepResult result = TrainStep.run(Fixtures.spec("seattle-weather-time.yaml"),
                Fixtures.dataset("seattle_weather.csv"), out, QUIET);
        assertThat(result.getStatus()).isEqualTo(Status.PASSED);
        java.util.List<String> holdout = Files.readAllLines(out.resolve("holdout.csv"));
        // 1461 days, the last 292 held out: 1169 = 366 + 365 + 365 + 73 days after 2012/01/01 is 2015/03/15
        assertThat(holdout).hasSize(293);
        assertThat(holdout.get(1)).startsWith("2015/03/15");
        assertThat(holdout.get(292)).startsWith("2015/12/31");
        Preprocessor pre = Json.readJson(out.resolve("model/preprocessing.json"), Preprocessor.class);
        assertThat(pre.featureNames()).doesNotContain("date");
    }

    @Test
    void aSingleClassIsAnInputError(@TempDir Path tmp) throws Exception {
        List<String> setosa = Files.readAllLines(Fixtures.dataset("iris.csv")).stream()
                .filter(l -> l.startsWith("sepal") || l.endsWith(",setosa")).toList();
        Files.write(tmp.resolve("setosa.csv"), setosa);
        Path spec = tmp.resolve("spec.yaml");
        Files.writeString(spec, "task: classification\nlabel: target\nseed: 1\n");
        assertThatThrownBy(() -> TrainStep.run(spec, tmp.resolve("setosa.csv"), tmp.resolve("out"), QUIET))
                .isInstanceOf(io.jenkins.plugins.mlops.contract.InvalidInputException.class)
                .hasMessageContaining("a single class [setosa]: a classifier needs at least two");
    }

    @Test
    void aBaselineNeedsAValidationShareToChooseOn(@TempDir Path tmp) throws Exception {
        Path spec = tmp.resolve("spec.yaml");
        Files.writeString(spec, "task: classification\nlabel: species\nseed: 1\nmodel: {baseline: true}\n"
                + "training: {epochs: 5}\n");
        assertThatThrownBy(() -> TrainSpec.read(spec)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("'model.baseline' chooses on the early-stopping validation share");
        // a spec that fixes its network or its epochs trains exactly that, as before
        Files.writeString(spec, "task: classification\nlabel: species\nseed: 1\ntraining: {epochs: 5}\n");
        assertThat(TrainSpec.read(spec).model().baseline()).isFalse();
        assertThat(TrainSpec.read(spec).training().earlyStopping()).isNull();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "training: {optimizer: rmsprop}|'training.optimizer' must be one of [adam, nesterovs, sgd]",
        "model: {dropout: 1.5}|'model.dropout' must be at least 0 and below 1",
        "split: {by: time}|'split.column' is required with by: time",
        "model: {hidden: [8], layers: [{units: 4}]}|'model.layers' and 'model.hidden' exclude each other",
        "preprocessing: {columns: {island: {impute: median}}}|'preprocessing.columns.island.impute' mean and median",
        "training: {earlyStopping: {metric: r2}}|'training.earlyStopping.metric' must be one of [accuracy, loss]",
        "training: {classWeights: heavy}|'training.classWeights' must be 'balanced'",
        "features: {exclude: [wingspan]}|names column 'wingspan', which is not in penguins.csv",
        "preprocessing: {numeric: {scale: robust}}|'preprocessing.numeric.scale' must be standard, minmax or none"})
    void invalidValuesNameTheirKey(String extra, String message, @TempDir Path tmp) throws Exception {
        Path spec = tmp.resolve("spec.yaml");
        Files.writeString(spec, "task: classification\nlabel: species\nseed: 1\n" + extra + "\n");
        assertThatThrownBy(() -> TrainStep.run(spec, Fixtures.dataset("penguins.csv"), tmp.resolve("out"), QUIET))
                .hasMessageContaining(message);
        assertThat(tmp.resolve("out")).doesNotExist();
    }
}
