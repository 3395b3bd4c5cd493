package io.jenkins.plugins.mlops.adapter;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.mlops.contract.Json;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The job page's trend charts: which numbers, in which order, as the ECharts API's chart model. */
class TrendsTest {
    private static final List<Trends.Point> BUILDS = List.of(
            new Trends.Point(7, Map.of("test.accuracy", 0.91, "validation.rows", 344.0, "train.loss", 0.2)),
            new Trends.Point(8, Map.of("test.accuracy", 0.95, "validation.driftedShare", 0.25)),
            new Trends.Point(9, Map.of("test.accuracy", 0.93, "validation.rows", 350.0)));

    @Test
    void keyMetricsThatSomeBuildHasAreChartedInTheirOrder() {
        assertThat(Trends.metrics(BUILDS)).containsExactly("test.accuracy", "validation.driftedShare",
                "validation.rows");
    }

    @Test
    void aChartModelHasTheBuildsThatHaveTheMetricOldestFirst() throws Exception {
        JsonNode accuracy = Json.JSON.readTree(Trends.chartModel("test.accuracy", BUILDS));
        assertThat(accuracy.get("domainAxisLabels")).extracting(JsonNode::asText).containsExactly("#7", "#8", "#9");
        assertThat(accuracy.get("buildNumbers")).extracting(JsonNode::asInt).containsExactly(7, 8, 9);
        JsonNode series = accuracy.get("series").get(0);
        assertThat(series.get("name").asText()).isEqualTo("test.accuracy");
        assertThat(series.get("type").asText()).isEqualTo("line");
        assertThat(series.get("data")).extracting(JsonNode::asDouble).containsExactly(0.91, 0.95, 0.93);
        assertThat(accuracy.get("integerRangeAxis").asBoolean()).isFalse();

        JsonNode rows = Json.JSON.readTree(Trends.chartModel("validation.rows", BUILDS));
        // build 8 has no row count: it is left out, not drawn as zero
        assertThat(rows.get("buildNumbers")).extracting(JsonNode::asInt).containsExactly(7, 9);
        assertThat(rows.get("integerRangeAxis").asBoolean()).isTrue();
    }

    /** ECharts labels the axis with the data's extremes: they are rounded as the build page rounds them. */
    @Test
    void valuesAreRoundedToFourSignificantDigitsAndNonFiniteOnesLeftOut() throws Exception {
        List<Trends.Point> builds = List.of(new Trends.Point(1, Map.of("test.accuracy", 0.9855072463768116)),
                new Trends.Point(2, Map.of("test.accuracy", Double.NaN)),
                new Trends.Point(3, Map.of("test.accuracy", 0.9877327980372477)));
        JsonNode model = Json.JSON.readTree(Trends.chartModel("test.accuracy", builds));
        assertThat(model.get("buildNumbers")).extracting(JsonNode::asInt).containsExactly(1, 3);
        assertThat(model.get("series").get(0).get("data")).extracting(JsonNode::asDouble).containsExactly(0.9855, 0.9877);
    }
}
