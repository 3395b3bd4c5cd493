package io.jenkins.plugins.mlops.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.jenkins.plugins.mlops.data.ColumnProfile;
import io.jenkins.plugins.mlops.schema.FieldType;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The streaming summary against exact answers, where the sampling and blocking could go wrong. */
class ColumnStatsTest {
    private static ColumnStats numbers(double[] values, int from, int to) {
        ColumnStats stats = new ColumnStats("x", FieldType.NUMBER);
        for (int i = from; i < to; i++) {
            stats.number(values[i], onLine(i + 2));
        }
        return stats;
    }

    /** Row i of a file with a header is on line i + 2. */
    private static ColumnStats.Sketching onLine(long line) {
        return ColumnStats.Sketching.of(line, RowSample.mix(line));
    }

    /** The value at a rank of the sorted data. */
    private static double exactQuantile(double[] sorted, double rank) {
        return sorted[(int) Math.min(sorted.length - 1, Math.ceil(rank * sorted.length) - 1)];
    }

    @Test
    void quantilesOfASortedColumnAreNotBiasedTowardsItsFirstRows() {
        // a column sorted in file order (time, ids) is where over-weighting the first rows would show
        int n = 1_000_000;
        double[] values = new double[n];
        Arrays.setAll(values, i -> i);
        ColumnProfile p = numbers(values, 0, n).profile();
        for (String q : new String[] {"p1", "p5", "p25", "p50", "p75", "p95", "p99"}) {
            double rank = Integer.parseInt(q.substring(1)) / 100.0;
            assertThat(p.quantiles().get(q) / n).as(q).isCloseTo(rank, within(0.02));
        }
        long[] counts = p.histogram().counts();
        assertThat(Arrays.stream(counts).sum()).isCloseTo(n, within(12L));
        for (long c : counts) {
            // each bin is a difference of two ranks: within the sketch's rank error of the truth
            assertThat((double) c).isCloseTo(n / 12.0, within(0.01 * n));
        }
    }

    @Test
    void mergedChunksGiveTheSummaryOfTheWholeColumn() {
        SplittableRandom random = new SplittableRandom(7);
        int n = 300_000;
        double[] values = new double[n];
        Arrays.setAll(values, i -> 50 + 10 * gaussian(random));
        ColumnStats merged = numbers(values, 0, 100_000);
        merged.merge(numbers(values, 100_000, 250_000));
        merged.merge(numbers(values, 250_000, n));
        ColumnProfile p = merged.profile();

        double mean = Arrays.stream(values).average().orElseThrow();
        double ss = Arrays.stream(values).map(v -> (v - mean) * (v - mean)).sum();
        assertThat(p.count()).isEqualTo(n);
        assertThat(p.mean()).isCloseTo(mean, within(1e-9));
        assertThat(p.stddev()).isCloseTo(Math.sqrt(ss / (n - 1)), within(1e-9));
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        assertThat(p.min()).isEqualTo(sorted[0]);
        assertThat(p.max()).isEqualTo(sorted[n - 1]);
        for (double rank : new double[] {0.05, 0.5, 0.95}) {
            double estimate = p.quantiles().get("p" + Math.round(rank * 100));
            // compare ranks, the unit of a quantile sketch's guarantee
            double estimatedRank = (double) Arrays.stream(sorted).filter(v -> v <= estimate).count() / n;
            assertThat(estimatedRank).as("rank of p%d", Math.round(rank * 100)).isCloseTo(rank, within(0.02));
        }
        assertThat(exactQuantile(sorted, 0.5)).isCloseTo(p.quantiles().get("p50"), within(0.5));
    }

    @Test
    void momentsStayAccurateFarFromZero() {
        SplittableRandom random = new SplittableRandom(11);
        double[] values = new double[50_000];
        Arrays.setAll(values, i -> 1e9 + gaussian(random));
        ColumnProfile p = numbers(values, 0, values.length).profile();
        double mean = Arrays.stream(values).average().orElseThrow();
        double ss = Arrays.stream(values).map(v -> (v - mean) * (v - mean)).sum();
        assertThat(p.stddev()).isCloseTo(Math.sqrt(ss / (values.length - 1)), within(1e-6));
    }

    @Test
    void distinctCountsRepeatsOnceAndZeroOnce() {
        ColumnStats stats = new ColumnStats("code", FieldType.INTEGER);
        for (int round = 0; round < 100; round++) {
            for (int v = 0; v < 1000; v++) {
                stats.number(v, onLine(2 + round * 1000L + v));
            }
        }
        stats.number(-0.0, onLine(100_002));
        stats.text("n/a");
        ColumnProfile p = stats.profile();
        // 1000 numbers and one text value; -0.0 is 0
        assertThat((double) p.distinct()).isCloseTo(1001, within(1001 * 0.05));
        assertThat(p.count()).isEqualTo(100_002);
    }

    @Test
    void textColumnsCountTheirValuesExactly() {
        ColumnStats stats = new ColumnStats("colour", FieldType.STRING);
        for (int i = 0; i < 3000; i++) {
            stats.text(i % 3 == 0 ? "red" : "blue");
        }
        stats.missing();
        ColumnProfile p = stats.profile();
        assertThat(p.distinct()).isEqualTo(2);
        assertThat(p.missing()).isEqualTo(1);
        assertThat(p.topValues()).containsExactly(java.util.Map.entry("blue", 2000L), java.util.Map.entry("red", 1000L));
    }

    private static double gaussian(SplittableRandom random) {
        return Math.sqrt(-2 * Math.log(1 - random.nextDouble())) * Math.cos(2 * Math.PI * random.nextDouble());
    }
}
