package io.jenkins.plugins.mlops.adapter;

import io.jenkins.plugins.mlops.report.Html;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The job page's trends: the key numbers of the mlops steps over the last builds (accuracy, the
 * drifted share of columns, latency), each a small line chart drawn as SVG on the server. The
 * charts use SVG presentation attributes, no script and no style attribute, so they render under
 * Jenkins' Content-Security-Policy as they are.
 */
public final class Trends {
    /** Step result and metric, in the order the charts appear; only those some build has are drawn. */
    static final List<String> KEY_METRICS = List.of("test.accuracy", "test.macroF1", "test.r2", "test.rmse",
            "test.latency:p99", "validation.driftedShare", "validation.rows");
    private static final int WIDTH = 320;
    private static final int HEIGHT = 130;
    private static final int LEFT = 52;
    private static final int TOP = 22;
    private static final int BOTTOM = 24;

    private Trends() {
    }

    /** One build's numbers, keyed {@code <step>.<metric>}. */
    public record Point(int build, Map<String, Double> metrics) {
    }

    /** A chart's title and its SVG. */
    public record Chart(String metric, String svg) {
        public String getMetric() {
            return metric;
        }

        public String getSvg() {
            return svg;
        }
    }

    /** @param oldestFirst the builds, oldest first */
    public static List<Chart> charts(List<Point> oldestFirst) {
        List<Chart> charts = new ArrayList<>();
        for (String metric : KEY_METRICS) {
            List<Point> having = oldestFirst.stream().filter(p -> p.metrics().containsKey(metric)).toList();
            if (!having.isEmpty()) {
                charts.add(new Chart(metric, svg(metric, having)));
            }
        }
        return charts;
    }

    static String svg(String metric, List<Point> points) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (Point p : points) {
            double v = p.metrics().get(metric);
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        if (!(max > min)) {
            // a flat line sits in the middle of a small band around its value
            double pad = Math.max(Math.abs(max) * 0.05, 1e-9);
            min -= pad;
            max += pad;
        }
        double plotW = WIDTH - LEFT - 10;
        double plotH = HEIGHT - TOP - BOTTOM;
        StringBuilder svg = new StringBuilder();
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(WIDTH).append("\" height=\"")
                .append(HEIGHT).append("\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(HEIGHT)
                .append("\" role=\"img\" aria-label=\"").append(Html.escape(metric)).append(" per build\">");
        svg.append(text(LEFT, 14, "start", 12, metric));
        svg.append("<line x1=\"").append(LEFT).append("\" y1=\"").append(TOP).append("\" x2=\"").append(LEFT)
                .append("\" y2=\"").append(TOP + plotH).append("\" stroke=\"#888\"/>");
        svg.append("<line x1=\"").append(LEFT).append("\" y1=\"").append(f(TOP + plotH)).append("\" x2=\"")
                .append(f(LEFT + plotW)).append("\" y2=\"").append(f(TOP + plotH)).append("\" stroke=\"#888\"/>");
        svg.append(text(LEFT - 4, TOP + 4, "end", 10, Html.number(max)));
        svg.append(text(LEFT - 4, TOP + plotH, "end", 10, Html.number(min)));
        svg.append(text(LEFT, HEIGHT - 6, "start", 10, "#" + points.get(0).build()));
        svg.append(text(LEFT + plotW, HEIGHT - 6, "end", 10, "#" + points.get(points.size() - 1).build()));
        StringBuilder line = new StringBuilder();
        StringBuilder dots = new StringBuilder();
        int n = points.size();
        for (int i = 0; i < n; i++) {
            Point p = points.get(i);
            double x = LEFT + (n == 1 ? plotW / 2 : plotW * i / (n - 1));
            double y = TOP + plotH * (max - p.metrics().get(metric)) / (max - min);
            line.append(f(x)).append(',').append(f(y)).append(' ');
            dots.append("<circle cx=\"").append(f(x)).append("\" cy=\"").append(f(y))
                    .append("\" r=\"2.5\" fill=\"#1f77b4\"><title>#").append(p.build()).append(": ")
                    .append(Html.number(p.metrics().get(metric))).append("</title></circle>");
        }
        svg.append("<polyline fill=\"none\" stroke=\"#1f77b4\" stroke-width=\"2\" points=\"")
                .append(line.toString().trim()).append("\"/>").append(dots);
        return svg.append("</svg>").toString();
    }

    private static String text(double x, double y, String anchor, int size, String content) {
        return "<text x=\"" + f(x) + "\" y=\"" + f(y) + "\" text-anchor=\"" + anchor + "\" font-size=\"" + size
                + "\" font-family=\"sans-serif\" fill=\"#333\">" + Html.escape(content) + "</text>";
    }

    private static String f(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }
}
