package io.jenkins.plugins.mlops.train;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.mlops.contract.Status;
import io.jenkins.plugins.mlops.contract.StepResult;
import io.jenkins.plugins.mlops.testing.Fixtures;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Hold-out quality on every shared data set with the spec checked in beside it (issue 4's floors). */
class DatasetQualityTest {
    @ParameterizedTest(name = "{0}: {1} >= {2}")
    @CsvSource({
        "iris, accuracy, 0.93",
        "wine, accuracy, 0.94",
        "breast_cancer, accuracy, 0.95",
        "penguins, accuracy, 0.97",
        "digits, accuracy, 0.95",
        "diabetes, r2, 0.40"})
    void holdOutQualityFloor(String dataset, String metric, double floor, @TempDir Path out) {
        StepResult result = TrainStep.run(Fixtures.spec(dataset + ".yaml"), Fixtures.dataset(dataset + ".csv"), out,
                new PrintStream(OutputStream.nullOutputStream()));
        assertThat(result.getStatus()).isEqualTo(Status.PASSED);
        @SuppressWarnings("unchecked")
        Map<String, Double> metrics = (Map<String, Double>) result.getSections().get("metrics");
        assertThat(metrics.get(metric)).as(dataset + " " + metric).isGreaterThanOrEqualTo(floor);
    }
}
