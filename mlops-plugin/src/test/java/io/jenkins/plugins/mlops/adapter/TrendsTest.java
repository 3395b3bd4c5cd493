package io.jenkins.plugins.mlops.adapter;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The job page's trend charts: which numbers, in which order, drawn CSP-safe. */
class TrendsTest {
    @Test
    void keyMetricsThatSomeBuildHasAreChartedInTheirOrderOldestBuildFirst() {
        List<Trends.Chart> charts = Trends.charts(List.of(
                new Trends.Point(7, Map.of("test.accuracy", 0.91, "validation.rows", 344.0, "train.loss", 0.2)),
                new Trends.Point(8, Map.of("test.accuracy", 0.95, "validation.driftedShare", 0.25)),
                new Trends.Point(9, Map.of("test.accuracy", 0.93))));
        assertThat(charts).extracting(Trends.Chart::metric)
                .containsExactly("test.accuracy", "validation.driftedShare", "validation.rows");
        String accuracy = charts.get(0).svg();
        assertThat(accuracy).contains("#7", "#9").contains("<title>#8: 0.95</title>");
        // higher is up: #8 (0.95) has the smallest y, #7 (0.91) the largest
        java.util.regex.Matcher dot = java.util.regex.Pattern.compile("cy=\"([0-9.]+)\"").matcher(accuracy);
        List<Double> ys = new java.util.ArrayList<>();
        while (dot.find()) {
            ys.add(Double.parseDouble(dot.group(1)));
        }
        assertThat(ys).hasSize(3);
        assertThat(ys.get(1)).isLessThan(ys.get(2)).isLessThan(ys.get(0));
    }

    @Test
    void chartsRenderUnderJenkinsContentSecurityPolicy() {
        for (Trends.Chart chart : Trends.charts(List.of(new Trends.Point(1, Map.of("test.accuracy", 0.5)),
                new Trends.Point(2, Map.of("test.accuracy", 0.5, "test.latency:p99", 3.2))))) {
            assertThat(chart.svg()).doesNotContain("<script", "style=", "<style", "href", "javascript:")
                    .doesNotContainPattern("https?://(?!www\\.w3\\.org/2000/svg)");
        }
    }
}
