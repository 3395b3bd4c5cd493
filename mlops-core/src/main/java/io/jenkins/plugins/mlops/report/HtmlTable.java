package io.jenkins.plugins.mlops.report;

import java.util.ArrayList;
import java.util.List;

/** An HTML table whose cells are escaped text, or trusted markup wrapped in {@link Markup}. */
public final class HtmlTable {
    /** Cell content that is already safe HTML (a badge, an inline SVG sparkline, a link). */
    public record Markup(String html) {
    }

    private final List<String> headers;
    private final List<String> rows = new ArrayList<>();

    public HtmlTable(String... headers) {
        this.headers = List.of(headers);
    }

    public HtmlTable row(Object... cells) {
        return rowWithClass(null, cells);
    }

    public HtmlTable rowWithClass(String cssClass, Object... cells) {
        StringBuilder tr = new StringBuilder(cssClass == null ? "<tr>" : "<tr class=\"" + Html.escape(cssClass) + "\">");
        for (Object cell : cells) {
            boolean numeric = cell instanceof Number;
            tr.append(numeric ? "<td class=\"num\">" : "<td>");
            tr.append(cell instanceof Markup m ? m.html() : Html.escape(cell));
            tr.append("</td>");
        }
        rows.add(tr.append("</tr>").toString());
        return this;
    }

    public boolean isEmpty() {
        return rows.isEmpty();
    }

    String render() {
        StringBuilder out = new StringBuilder("<div class=\"table-wrap\"><table>\n<thead><tr>");
        headers.forEach(h -> out.append("<th>").append(Html.escape(h)).append("</th>"));
        out.append("</tr></thead>\n<tbody>\n");
        rows.forEach(r -> out.append(r).append('\n'));
        return out.append("</tbody></table></div>\n").toString();
    }
}
