package io.jenkins.plugins.mlops.report;

import java.util.List;
import java.util.Locale;
import java.util.function.BiFunction;

/**
 * Inline SVG charts drawn with presentation attributes and stylesheet classes only (no style
 * attribute, no script), so that they render under Jenkins' archive CSP.
 */
public final class Svg {
    /** One named line of a line chart. */
    public record Series(String name, double[] values) {
    }

    private static final String[] SERIES_CLASSES = {"series-a", "series-b", "series-c", "series-d"};

    private Svg() {
    }

    private static String f(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    private static String open(int width, int height, String label) {
        return "<svg class=\"chart\" width=\"" + width + "\" height=\"" + height
                + "\" viewBox=\"0 0 " + width + " " + height + "\" role=\"img\" aria-label=\"" + Html.escape(label)
                + "\"><title>" + Html.escape(label) + "</title>";
    }

    /** A small bar sparkline for a table cell: relative heights only. */
    public static String sparkline(long[] counts, String label) {
        int width = 120;
        int height = 28;
        StringBuilder svg = new StringBuilder(open(width, height, label));
        long max = 1;
        for (long c : counts) {
            max = Math.max(max, c);
        }
        double bw = (double) width / Math.max(1, counts.length);
        for (int i = 0; i < counts.length; i++) {
            double h = (height - 2) * counts[i] / (double) max;
            svg.append("<rect class=\"bar\" x=\"").append(f(i * bw)).append("\" y=\"").append(f(height - h))
                    .append("\" width=\"").append(f(Math.max(1, bw - 1))).append("\" height=\"").append(f(h))
                    .append("\"/>");
        }
        return svg.append("</svg>").toString();
    }

    /**
     * Two distributions over the same bins as proportions, side by side per bin: reference and
     * current, so that a shift is visible at a glance.
     */
    public static String overlay(String[] binLabels, double[] reference, double[] current, String label) {
        int width = 420;
        int height = 180;
        int left = 36;
        int bottom = 34;
        int plotH = height - bottom - 10;
        double max = 1e-12;
        for (int i = 0; i < reference.length; i++) {
            max = Math.max(max, Math.max(reference[i], current[i]));
        }
        StringBuilder svg = new StringBuilder(open(width, height, label));
        svg.append(axis(left, 10, width - 10, height - bottom));
        svg.append("<text class=\"tick\" x=\"").append(left - 4).append("\" y=\"16\" text-anchor=\"end\">")
                .append(Math.round(max * 100)).append("%</text>");
        double bw = (double) (width - left - 10) / reference.length;
        for (int i = 0; i < reference.length; i++) {
            double x = left + i * bw;
            double hr = plotH * reference[i] / max;
            double hc = plotH * current[i] / max;
            svg.append("<rect class=\"series-a\" x=\"").append(f(x + 1)).append("\" y=\"").append(f(height - bottom - hr))
                    .append("\" width=\"").append(f(bw / 2 - 1)).append("\" height=\"").append(f(hr)).append("\"/>");
            svg.append("<rect class=\"series-b\" x=\"").append(f(x + bw / 2)).append("\" y=\"")
                    .append(f(height - bottom - hc)).append("\" width=\"").append(f(bw / 2 - 1)).append("\" height=\"")
                    .append(f(hc)).append("\"/>");
            // at most six labels: numeric bin edges are long
            if (reference.length <= 6 || i % (int) Math.ceil(reference.length / 6.0) == 0) {
                svg.append("<text class=\"tick\" x=\"").append(f(x + bw / 2)).append("\" y=\"").append(height - bottom + 12)
                        .append("\" text-anchor=\"middle\">").append(Html.escape(binLabels[i])).append("</text>");
            }
        }
        svg.append(legend(left, height - 8, List.of("reference", "current")));
        return svg.append("</svg>").toString();
    }

    /** A line chart with a y axis from the data's range, e.g. learning curves per epoch. */
    public static String lines(List<Series> series, String xLabel, String label) {
        int width = 480;
        int height = 220;
        int left = 66;
        int bottom = 40;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        int n = 1;
        for (Series s : series) {
            for (double v : s.values()) {
                if (Double.isFinite(v)) {
                    min = Math.min(min, v);
                    max = Math.max(max, v);
                }
            }
            n = Math.max(n, s.values().length);
        }
        if (!(max > min)) {
            max = min + 1;
        }
        double plotW = width - left - 12;
        double plotH = height - bottom - 12;
        StringBuilder svg = new StringBuilder(open(width, height, label));
        svg.append(axis(left, 12, width - 12, height - bottom));
        svg.append(tick(left - 4, 16, Html.number(max))).append(tick(left - 4, height - bottom, Html.number(min)));
        svg.append("<text class=\"tick\" x=\"").append(f(left + plotW / 2)).append("\" y=\"").append(height - bottom + 14)
                .append("\" text-anchor=\"middle\">").append(Html.escape(xLabel)).append(" (1–").append(n).append(")</text>");
        for (int s = 0; s < series.size(); s++) {
            double[] values = series.get(s).values();
            StringBuilder points = new StringBuilder();
            for (int i = 0; i < values.length; i++) {
                if (!Double.isFinite(values[i])) {
                    continue;
                }
                double x = left + (n == 1 ? 0 : plotW * i / (n - 1));
                double y = 12 + plotH * (max - values[i]) / (max - min);
                points.append(f(x)).append(',').append(f(y)).append(' ');
            }
            svg.append("<polyline class=\"line ").append(SERIES_CLASSES[s % SERIES_CLASSES.length])
                    .append("\" fill=\"none\" points=\"").append(points.toString().trim()).append("\"/>");
        }
        svg.append(legend(left, height - 8, series.stream().map(Series::name).toList()));
        return svg.append("</svg>").toString();
    }

    /** A curve of (x, y) points, both in [0, 1]. */
    public record Curve(String name, double[] x, double[] y) {
    }

    /** Curves on the unit square (ROC, precision-recall, calibration), with an optional diagonal. */
    public static String unitCurves(List<Curve> curves, boolean diagonal, String xLabel, String yLabel, String label) {
        int size = 240;
        int left = 44;
        int top = 10;
        int bottom = 44;
        StringBuilder svg = new StringBuilder(open(left + size + 14, top + size + bottom, label));
        svg.append(axis(left, top, left + size, top + size));
        svg.append(tick(left - 4, top + 8, "1")).append(tick(left - 4, top + size, "0"));
        svg.append("<text class=\"tick\" x=\"").append(left + size / 2).append("\" y=\"").append(top + size + 14)
                .append("\" text-anchor=\"middle\">").append(Html.escape(xLabel)).append("</text>");
        svg.append("<text class=\"tick\" transform=\"translate(12,").append(top + size / 2).append(") rotate(-90)\""
                + " text-anchor=\"middle\">").append(Html.escape(yLabel)).append("</text>");
        if (diagonal) {
            svg.append("<line class=\"axis\" x1=\"").append(left).append("\" y1=\"").append(top + size)
                    .append("\" x2=\"").append(left + size).append("\" y2=\"").append(top).append("\"/>");
        }
        for (int s = 0; s < curves.size(); s++) {
            Curve c = curves.get(s);
            StringBuilder points = new StringBuilder();
            for (int i = 0; i < c.x().length; i++) {
                points.append(f(left + size * c.x()[i])).append(',').append(f(top + size * (1 - c.y()[i]))).append(' ');
            }
            svg.append("<polyline class=\"line ").append(SERIES_CLASSES[(s + 1) % SERIES_CLASSES.length])
                    .append("\" fill=\"none\" points=\"").append(points.toString().trim()).append("\"/>");
        }
        svg.append(legend(left, top + size + bottom - 6, curves.stream().map(Curve::name).toList(), 1));
        return svg.append("</svg>").toString();
    }

    /** A confusion matrix as a heat map: rows are actual classes, columns predicted ones. */
    public static String heatmap(List<String> labels, long[][] matrix, String label) {
        long max = 1;
        for (long[] row : matrix) {
            for (long v : row) {
                max = Math.max(max, v);
            }
        }
        long top = max;
        return grid(labels, Math.max(28, Math.min(56, 360 / Math.max(1, labels.size()))), -45, label, (i, j) -> {
            int level = (int) Math.round(5.0 * matrix[i][j] / top);
            return new Cell("heat-" + level, String.valueOf(matrix[i][j]), level >= 3);
        });
    }

    /** A correlation matrix: blue for positive, red for negative, stronger colour for larger |r|. */
    public static String correlations(List<String> labels, double[][] r, String label) {
        return grid(labels, Math.max(16, Math.min(36, 420 / Math.max(1, labels.size()))), -60, label, (i, j) -> {
            double v = r[i][j];
            String cls = !Double.isFinite(v) ? "heat-0" : (v >= 0 ? "pos-" : "neg-") + Math.round(Math.abs(v) * 5);
            return new Cell(cls, null, false);
        });
    }

    /** One cell of a square grid: its colour class and an optional number printed in it. */
    private record Cell(String cssClass, String text, boolean inverse) {
    }

    /** A labelled square grid of cells, rows and columns in the order of {@code labels}. */
    private static String grid(List<String> labels, int cell, int labelAngle, String label,
                               BiFunction<Integer, Integer, Cell> cells) {
        int left = 130;
        int top = 110;
        int width = left + cell * labels.size() + 10;
        int height = top + cell * labels.size() + 10;
        StringBuilder svg = new StringBuilder(open(width, height, label));
        for (int j = 0; j < labels.size(); j++) {
            svg.append("<text class=\"tick\" transform=\"translate(").append(f(left + j * cell + cell / 2.0)).append(',')
                    .append(top - 6).append(") rotate(").append(labelAngle).append(")\">").append(Html.escape(labels.get(j)))
                    .append("</text>");
        }
        for (int i = 0; i < labels.size(); i++) {
            double y = top + i * cell;
            svg.append("<text class=\"tick\" x=\"").append(left - 6).append("\" y=\"").append(f(y + cell / 2.0 + 4))
                    .append("\" text-anchor=\"end\">").append(Html.escape(labels.get(i))).append("</text>");
            for (int j = 0; j < labels.size(); j++) {
                Cell c = cells.apply(i, j);
                svg.append("<rect class=\"").append(c.cssClass()).append("\" x=\"").append(left + j * cell)
                        .append("\" y=\"").append(f(y)).append("\" width=\"").append(cell - 1).append("\" height=\"")
                        .append(cell - 1).append("\"><title>").append(Html.escape(labels.get(i) + " / " + labels.get(j)))
                        .append("</title></rect>");
                if (c.text() != null) {
                    svg.append("<text class=\"cell").append(c.inverse() ? " inverse" : "").append("\" x=\"")
                            .append(f(left + j * cell + cell / 2.0)).append("\" y=\"").append(f(y + cell / 2.0 + 4))
                            .append("\" text-anchor=\"middle\">").append(Html.escape(c.text())).append("</text>");
                }
            }
        }
        return svg.append("</svg>").toString();
    }

    /** Horizontal bars, e.g. class counts or per-window drift share. */
    public static String bars(List<String> labels, double[] values, String label) {
        int rowH = 20;
        int left = 220;
        int width = 560;
        int height = rowH * labels.size() + 8;
        double max = 1e-12;
        for (double v : values) {
            max = Math.max(max, v);
        }
        StringBuilder svg = new StringBuilder(open(width, height, label));
        for (int i = 0; i < labels.size(); i++) {
            double w = (width - left - 60) * values[i] / max;
            int y = 4 + i * rowH;
            svg.append("<text class=\"tick\" x=\"").append(left - 6).append("\" y=\"").append(y + 13)
                    .append("\" text-anchor=\"end\">").append(Html.escape(labels.get(i))).append("</text>")
                    .append("<rect class=\"bar\" x=\"").append(left).append("\" y=\"").append(y).append("\" width=\"")
                    .append(f(w)).append("\" height=\"").append(rowH - 4).append("\"/>")
                    .append("<text class=\"tick\" x=\"").append(f(left + w + 4)).append("\" y=\"").append(y + 13)
                    .append("\">").append(Html.number(values[i])).append("</text>");
        }
        return svg.append("</svg>").toString();
    }

    private static String axis(int x0, int y0, int x1, int y1) {
        return "<line class=\"axis\" x1=\"" + x0 + "\" y1=\"" + y0 + "\" x2=\"" + x0 + "\" y2=\"" + y1 + "\"/>"
                + "<line class=\"axis\" x1=\"" + x0 + "\" y1=\"" + y1 + "\" x2=\"" + x1 + "\" y2=\"" + y1 + "\"/>";
    }

    private static String tick(int x, int y, String text) {
        return "<text class=\"tick\" x=\"" + x + "\" y=\"" + y + "\" text-anchor=\"end\">" + Html.escape(text) + "</text>";
    }

    private static String legend(int x, int y, List<String> names) {
        return legend(x, y, names, 0);
    }

    /** @param firstSeries the series class of the first name, as the curves were drawn */
    private static String legend(int x, int y, List<String> names, int firstSeries) {
        StringBuilder out = new StringBuilder();
        int offset = 0;
        for (int i = 0; i < names.size(); i++) {
            out.append("<rect class=\"").append(SERIES_CLASSES[(i + firstSeries) % SERIES_CLASSES.length]).append("\" x=\"")
                    .append(x + offset).append("\" y=\"").append(y - 9).append("\" width=\"10\" height=\"10\"/>")
                    .append("<text class=\"tick\" x=\"").append(x + offset + 14).append("\" y=\"").append(y).append("\">")
                    .append(Html.escape(names.get(i))).append("</text>");
            offset += 24 + 7 * names.get(i).length();
        }
        return out.toString();
    }
}
