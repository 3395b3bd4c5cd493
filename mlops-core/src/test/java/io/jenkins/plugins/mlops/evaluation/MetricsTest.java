package io.jenkins.plugins.mlops.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MetricsTest {
    @Test
    void classificationMetricsFromAConfusionMatrix() {
        List<String> classes = List.of("a", "b");
        long[][] m = Metrics.confusion(List.of("a", "a", "a", "b", "b"), List.of("a", "a", "b", "b", "a"), classes);
        assertThat(m).isDeepEqualTo(new long[][] {{2, 1}, {1, 1}});
        Map<String, Double> metrics = Metrics.classification(m, classes);
        assertThat(metrics.get("accuracy")).isCloseTo(0.6, within(1e-12));
        // a: precision 2/3, recall 2/3, f1 2/3; b: precision 1/2, recall 1/2, f1 1/2
        assertThat(metrics.get("macroF1")).isCloseTo((2.0 / 3 + 0.5) / 2, within(1e-12));
        assertThat(metrics.get("precision[a]")).isCloseTo(2.0 / 3, within(1e-12));
    }

    @Test
    void regressionMetrics() {
        Map<String, Double> m = Metrics.regression(new double[] {1, 2, 3, 4}, new double[] {1, 2, 3, 6});
        assertThat(m.get("rmse")).isCloseTo(1.0, within(1e-12));
        assertThat(m.get("mae")).isCloseTo(0.5, within(1e-12));
        // total sum of squares 5, residual 4
        assertThat(m.get("r2")).isCloseTo(0.2, within(1e-12));
    }
}
