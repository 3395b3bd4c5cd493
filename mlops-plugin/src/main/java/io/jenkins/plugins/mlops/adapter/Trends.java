package io.jenkins.plugins.mlops.adapter;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.jenkins.plugins.mlops.contract.Json;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The job page's trends: the key numbers of the mlops steps over the last builds (accuracy, the
 * drifted share of columns, latency), one line chart each, as the chart model that Jenkins'
 * ECharts API draws (the JSON of echarts-build-trends' {@code LinesChartModel}, which junit's and
 * warnings-ng's trends use too). Written here rather than with that library's classes, whose
 * Jackson version changes with the echarts-api release a Jenkins has.
 */
public final class Trends {
    /** Step result and metric, in the order the charts appear; only those some build has are drawn. */
    static final List<String> KEY_METRICS = List.of("test.accuracy", "test.macroF1", "test.r2", "test.rmse",
            "test.latency:p99", "validation.driftedShare", "validation.rows");

    private Trends() {
    }

    private static final MathContext SIGNIFICANT = new MathContext(4);

    /** One build's numbers, keyed {@code <step>.<metric>}. */
    public record Point(int build, Map<String, Double> metrics) {
    }

    /** The metrics that some of these builds have, in chart order. */
    public static List<String> metrics(List<Point> points) {
        return KEY_METRICS.stream().filter(m -> points.stream().anyMatch(p -> p.metrics().containsKey(m))).toList();
    }

    /**
     * The chart model of one metric over the builds that have it.
     *
     * @param oldestFirst the builds, oldest first
     */
    public static String chartModel(String metric, List<Point> oldestFirst) {
        List<String> labels = new ArrayList<>();
        List<Integer> builds = new ArrayList<>();
        List<Double> values = new ArrayList<>();
        boolean counts = true;
        for (Point p : oldestFirst) {
            Double v = p.metrics().get(metric);
            if (v != null && Double.isFinite(v)) {
                labels.add("#" + p.build());
                builds.add(p.build());
                // the chart labels its axis with the values: four significant digits, as the build page
                values.add(new BigDecimal(v).round(SIGNIFICANT).doubleValue());
                counts &= v == Math.rint(v);
            }
        }
        Map<String, Object> series = new LinkedHashMap<>();
        series.put("name", metric);
        series.put("type", "line");
        series.put("symbol", "circle");
        series.put("stack", "");
        series.put("data", values);
        series.put("itemStyle", Map.of("color", "--blue"));
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("domainAxisLabels", labels);
        model.put("buildNumbers", builds);
        model.put("series", List.of(series));
        model.put("domainAxisItemName", "Build");
        model.put("integerRangeAxis", counts);
        try {
            return Json.JSON.writeValueAsString(model);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
