package io.jenkins.plugins.mlops.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.jenkins.plugins.mlops.model.Prediction;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class BinaryCurvesTest {
    private static Prediction p(double positive) {
        return new Prediction(positive >= 0.5 ? "yes" : "no", Math.max(positive, 1 - positive),
                new double[] {1 - positive, positive});
    }

    @Test
    void aucAndAveragePrecisionByHand() {
        // ranked: yes(0.9) no(0.8) yes(0.7) no(0.6): 3 of 4 positive-negative pairs in order
        BinaryCurves c = BinaryCurves.of(List.of("no", "yes"), new String[] {"yes", "no", "yes", "no"},
                List.of(p(0.9), p(0.8), p(0.7), p(0.6)));
        assertThat(c.positive()).isEqualTo("yes");
        assertThat(c.auc()).isCloseTo(0.75, within(1e-12));
        // precision 1 at recall 0.5, 2/3 at recall 1
        assertThat(c.averagePrecision()).isCloseTo(0.5 + 0.5 * 2 / 3.0, within(1e-12));
        assertThat(c.tpr()[c.tpr().length - 1]).isEqualTo(1.0);
        assertThat(c.fpr()[c.fpr().length - 1]).isEqualTo(1.0);
    }

    @Test
    void perfectSeparationAndCalibrationBins() {
        BinaryCurves c = BinaryCurves.of(List.of("no", "yes"), new String[] {"yes", "yes", "no", "no"},
                List.of(p(0.95), p(0.85), p(0.15), p(0.05)));
        assertThat(c.auc()).isEqualTo(1.0);
        assertThat(c.averagePrecision()).isEqualTo(1.0);
        assertThat(c.calibration()).hasSize(4);
        assertThat(c.calibration().stream().mapToDouble(b -> b.get("rows")).sum()).isEqualTo(4.0);
        assertThat(Arrays.stream(c.precision()).allMatch(v -> v >= 0 && v <= 1)).isTrue();
    }
}
