package io.jenkins.plugins.mlops.drift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.mlops.contract.Json;
import io.jenkins.plugins.mlops.data.CsvReader;
import io.jenkins.plugins.mlops.data.Columns;
import io.jenkins.plugins.mlops.data.Table;
import io.jenkins.plugins.mlops.testing.Fixtures;
import java.util.Arrays;
import org.apache.commons.statistics.inference.KolmogorovSmirnovTest;
import org.apache.commons.statistics.inference.PValueMethod;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * Our statistics against values computed independently with SciPy 1.10.1
 * ({@code test-fixtures/reference-stats/make_drift_reference.py}, run once; results stored).
 */
class DriftReferenceTest {
    private static final JsonNode SCIPY = Json.readTree(Fixtures.root().resolve("reference-stats/drift-scipy.json"));
    private static final Table WEATHER = new CsvReader().read(Fixtures.dataset("seattle_weather.csv"));
    private static final Table ODD = WEATHER.filter(r -> r % 2 == 0);
    private static final Table EVEN = WEATHER.filter(r -> r % 2 == 1);

    @ParameterizedTest
    @ValueSource(strings = {"temp_max", "precipitation", "wind", "temp_max_plus_1"})
    void numericStatisticsMatchScipy(String name) {
        String column = name.replace("_plus_1", "");
        double[] a = Columns.numbers(ODD, ODD.columnIndex(column));
        double[] b = Columns.numbers(EVEN, EVEN.columnIndex(column));
        if (name.endsWith("_plus_1")) {
            b = Arrays.stream(b).map(v -> v + 1.0).toArray();
        }
        JsonNode expected = SCIPY.get(name);
        ColumnDrift d = new KolmogorovSmirnovDrift().measure(new DriftDetector.Numeric(column, a, b), DriftConfig.DEFAULT);
        assertThat(d.statistic()).isCloseTo(expected.get("ks_statistic").asDouble(), within(1e-12));
        // at this size commons-statistics computes the exact p-value (with ties), as SciPy's method="exact"
        assertThat(d.pValue()).isCloseTo(expected.get("ks_pvalue_exact").asDouble(), within(1e-9));
        assertThat(KolmogorovSmirnovTest.withDefaults().with(PValueMethod.ASYMPTOTIC).test(a, b).getPValue())
                .isCloseTo(expected.get("ks_pvalue_asymp").asDouble(), within(1e-9));
        assertThat(KolmogorovSmirnovDrift.wasserstein(a, b)).isCloseTo(expected.get("wasserstein").asDouble(), within(1e-9));
        assertThat(d.effect()).isCloseTo(expected.get("wasserstein").asDouble() / expected.get("sd_reference").asDouble(),
                within(1e-9));
    }

    @Test
    void categoricalStatisticsMatchScipy() {
        JsonNode expected = SCIPY.get("weather");
        int c = WEATHER.columnIndex("weather");
        Map<String, Long> a = Columns.counts(ODD, c);
        Map<String, Long> b = Columns.counts(EVEN, c);
        ColumnDrift d = new ChiSquareDrift().measure(new DriftDetector.Categorical("weather", a, b), DriftConfig.DEFAULT);
        assertThat(d.statistic()).isCloseTo(expected.get("chi2").asDouble(), within(1e-9));
        assertThat(d.pValue()).isCloseTo(expected.get("chi2_pvalue").asDouble(), within(1e-9));
        assertThat(d.effect()).isCloseTo(expected.get("jensen_shannon_base2").asDouble(), within(1e-9));
        assertThat(d.distances()).containsKeys("linf", "linf-robust");
    }

    @Test
    void bonferroniIsStricterThanBenjaminiHochberg() {
        double[] p = {0.01, 0.02, 0.03, 0.04};
        assertThat(DriftDetector.bonferroni(p)).containsExactly(0.04, 0.08, 0.12, 0.16);
        assertThat(DriftDetector.benjaminiHochberg(p)).containsExactly(new double[] {0.04, 0.04, 0.04, 0.04}, within(1e-12));
        assertThat(List.of(DriftConfig.Correction.values())).hasSize(2);
    }
}
