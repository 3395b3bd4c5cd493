package io.jenkins.plugins.mlops.drift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.jenkins.plugins.mlops.data.CsvReader;
import io.jenkins.plugins.mlops.data.Shuffle;
import io.jenkins.plugins.mlops.data.Table;
import io.jenkins.plugins.mlops.schema.Schema;
import io.jenkins.plugins.mlops.schema.SchemaInference;
import io.jenkins.plugins.mlops.testing.Fixtures;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class DriftDetectorTest {
    private final DriftDetector detector = new DriftDetector(DriftConfig.DEFAULT);

    @Test
    void randomHalvesOfRealDataDoNotDrift() {
        Table digits = new CsvReader().read(Fixtures.dataset("digits.csv"));
        Table[] halves = halves(digits, 1);
        List<ColumnDrift> drift = detector.compare(DriftSamples.of(SchemaInference.infer(digits), halves[0], halves[1]));
        assertThat(drift).hasSize(65);
        assertThat(drift).noneMatch(d -> d.verdict() == DriftVerdict.DRIFT);
    }

    @Test
    void halvesOf54000RealRowsDoNotDriftButAQuarterSigmaShiftDoes() {
        Table diamonds = new CsvReader().read(Fixtures.dataset("diamonds.csv"));
        Schema schema = SchemaInference.infer(diamonds);
        Table[] halves = halves(diamonds, 3);
        List<ColumnDrift> same = detector.compare(DriftSamples.of(schema, halves[0], halves[1]));
        assertThat(same).hasSize(10).noneMatch(d -> d.verdict() == DriftVerdict.DRIFT);

        int depth = halves[1].columnIndex("depth");
        double sd = io.jenkins.plugins.mlops.data.Moments.of(io.jenkins.plugins.mlops.data.Columns.numbers(diamonds,
                depth)).stddev();
        List<String[]> rows = IntStream.range(0, halves[1].rowCount()).mapToObj(r -> {
            String[] row = halves[1].row(r).clone();
            row[depth] = String.valueOf(Double.parseDouble(row[depth]) + 0.25 * sd);
            return row;
        }).toList();
        Table shifted = new Table("shifted", halves[1].columns(), rows, new long[rows.size()]);
        List<ColumnDrift> drift = detector.compare(DriftSamples.of(schema, halves[0], shifted));
        assertThat(drift.stream().filter(d -> d.verdict() == DriftVerdict.DRIFT).map(ColumnDrift::column))
                .containsExactly("depth");
    }

    @Test
    void shiftedColumnAndOnlyThatColumnIsFlagged() {
        Table weather = new CsvReader().read(Fixtures.dataset("seattle_weather.csv"));
        Schema schema = SchemaInference.infer(weather);
        Table[] halves = halves(weather, 2);
        Table a = halves[0];
        Table b = halves[1];
        int tempMax = b.columnIndex("temp_max");
        double sd = io.jenkins.plugins.mlops.data.Moments.of(io.jenkins.plugins.mlops.data.Columns.numbers(weather,
                weather.columnIndex("temp_max"))).stddev();
        List<String[]> shifted = IntStream.range(0, b.rowCount()).mapToObj(r -> {
            String[] row = b.row(r).clone();
            row[tempMax] = String.valueOf(Double.parseDouble(row[tempMax]) + 0.5 * sd);
            return row;
        }).toList();
        Table c = new Table("shifted", b.columns(), shifted, new long[shifted.size()]);
        List<ColumnDrift> drift = detector.compare(DriftSamples.of(schema, a, c));
        assertThat(drift.stream().filter(d -> d.verdict() == DriftVerdict.DRIFT).map(ColumnDrift::column))
                .containsExactly("temp_max");
        ColumnDrift t = drift.stream().filter(d -> d.column().equals("temp_max")).findFirst().orElseThrow();
        assertThat(t.effect()).isBetween(0.4, 0.6);
    }

    @Test
    void tooFewValuesIsInsufficientData() {
        ColumnDrift d = detector.compare(List.of(new DriftDetector.Numeric("x", new double[] {1, 2, 3},
                new double[] {10, 20, 30}))).get(0);
        assertThat(d.verdict()).isEqualTo(DriftVerdict.INSUFFICIENT_DATA);
        assertThat(d.pValue()).isNull();
    }

    @Test
    void categoricalShiftNeedsSignificanceAndEffect() {
        Map<String, Long> ref = Map.of("a", 500L, "b", 500L);
        ColumnDrift small = detector.compare(List.of(new DriftDetector.Categorical("c", ref, Map.of("a", 520L, "b", 480L))))
                .get(0);
        assertThat(small.verdict()).isEqualTo(DriftVerdict.NO_DRIFT);
        ColumnDrift big = detector.compare(List.of(new DriftDetector.Categorical("c", ref, Map.of("a", 800L, "b", 200L))))
                .get(0);
        assertThat(big.verdict()).isEqualTo(DriftVerdict.DRIFT);
        assertThat(big.test()).isEqualTo("chi2");
    }

    @Test
    void benjaminiHochbergMatchesHandComputedValues() {
        // p = (0.01, 0.04, 0.03, 0.20), m = 4: sorted 0.01*4/1=0.04, 0.03*4/2=0.06, 0.04*4/3=0.0533 -> 0.0533, 0.20
        double[] adjusted = DriftDetector.benjaminiHochberg(new double[] {0.01, 0.04, 0.03, 0.20});
        assertThat(adjusted[0]).isCloseTo(0.04, within(1e-12));
        assertThat(adjusted[1]).isCloseTo(0.16 / 3, within(1e-12));
        assertThat(adjusted[2]).isCloseTo(0.16 / 3, within(1e-12));
        assertThat(adjusted[3]).isCloseTo(0.20, within(1e-12));
    }

    @Test
    void wassersteinOfAShiftIsTheShift() {
        double[] a = {1, 2, 3, 4, 5};
        double[] b = {3, 4, 5, 6, 7};
        assertThat(KolmogorovSmirnovDrift.wasserstein(a, b)).isCloseTo(2.0, within(1e-12));
        assertThat(KolmogorovSmirnovDrift.wasserstein(a, a)).isZero();
    }

    /** Two random halves of a table. */
    private static Table[] halves(Table table, long seed) {
        int[] order = Shuffle.permutation(table.rowCount(), new SplittableRandom(seed));
        return new Table[] {table.select(java.util.Arrays.copyOfRange(order, 0, order.length / 2)),
            table.select(java.util.Arrays.copyOfRange(order, order.length / 2, order.length))};
    }

    /** The tests are listed in one place, and each kind of column has exactly one. */
    @Test
    void eachKindOfColumnHasExactlyOneTest() {
        List<DriftDetector.Sample> kinds = List.of(new DriftDetector.Numeric("x", new double[] {1}, new double[] {2}),
                new DriftDetector.Categorical("c", Map.of("a", 1L), Map.of("a", 2L)));
        for (DriftDetector.Sample kind : kinds) {
            assertThat(DriftDetector.TESTS.stream().filter(t -> t.accepts(kind))).as(kind.column()).hasSize(1);
        }
    }
}
