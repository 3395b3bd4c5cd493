package io.jenkins.plugins.mlops.report;

import io.jenkins.plugins.mlops.contract.Check;
import io.jenkins.plugins.mlops.contract.StepResult;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A step's human report: static HTML with one external stylesheet and inline SVG, nothing that
 * Jenkins' archive CSP ({@code sandbox; default-src 'none'; img-src 'self'; style-src 'self';})
 * would block: no script, no style attribute, no external URL.
 */
public final class HtmlReport {
    public static final String STYLESHEET = "mlops-report.css";

    private final String title;
    private final StringBuilder body = new StringBuilder();

    private HtmlReport(String title) {
        this.title = title;
    }

    /** The standard head of a step report: status badge, summary and the checks table. */
    public static HtmlReport forResult(String title, StepResult result) {
        HtmlReport report = new HtmlReport(title);
        report.body.append("<header><h1>").append(Html.escape(title)).append("</h1>")
                .append(badge(result.getStatus().name()))
                .append("<p class=\"summary\">").append(Html.escape(result.getSummary())).append("</p></header>\n");
        if (!result.getChecks().isEmpty()) {
            report.section("Checks").table(checksTable(result.getChecks()));
        }
        return report;
    }

    /** A report that is not a step's, e.g. an index: its title and one introductory sentence. */
    public static HtmlReport titled(String title, String intro) {
        HtmlReport report = new HtmlReport(title);
        report.body.append("<header><h1>").append(Html.escape(title)).append("</h1><p class=\"summary\">")
                .append(Html.escape(intro)).append("</p></header>\n");
        return report;
    }

    public static String badge(String status) {
        return "<span class=\"badge status-" + status.toLowerCase(Locale.ROOT).replace('_', '-') + "\">"
                + Html.escape(status) + "</span>";
    }

    public static HtmlTable checksTable(List<Check> checks) {
        HtmlTable table = new HtmlTable("Check", "Status", "Measured", "Threshold", "Reason");
        for (Check check : checks) {
            table.rowWithClass("row-" + check.status().name().toLowerCase(Locale.ROOT).replace('_', '-'),
                    check.name(), check.status().name(), check.value(), check.threshold(), check.reason());
        }
        return table;
    }

    public HtmlReport section(String heading) {
        body.append("<h2>").append(Html.escape(heading)).append("</h2>\n");
        return this;
    }

    public HtmlReport paragraph(String text) {
        body.append("<p>").append(Html.escape(text)).append("</p>\n");
        return this;
    }

    public HtmlReport note(String text) {
        body.append("<p class=\"note\">").append(Html.escape(text)).append("</p>\n");
        return this;
    }

    public HtmlReport table(HtmlTable table) {
        body.append(table.render());
        return this;
    }

    /** Key/value facts, e.g. lineage. */
    public HtmlReport facts(Map<String, ?> facts) {
        body.append("<dl class=\"facts\">");
        facts.forEach((k, v) -> body.append("<dt>").append(Html.escape(k)).append("</dt><dd>")
                .append(Html.escape(v)).append("</dd>"));
        body.append("</dl>\n");
        return this;
    }

    /** Inline SVG produced by {@link Svg}; already escaped there. */
    public HtmlReport figure(String svg, String caption) {
        body.append("<figure>").append(svg).append("<figcaption>").append(Html.escape(caption))
                .append("</figcaption></figure>\n");
        return this;
    }

    /** Several figures side by side. */
    public HtmlReport gallery(List<String> figures) {
        body.append("<div class=\"gallery\">");
        figures.forEach(body::append);
        body.append("</div>\n");
        return this;
    }

    /** A link to a file beside the report; {@code href} must be relative. */
    public HtmlReport link(String href, String text) {
        if (href.contains(":") || href.startsWith("/")) {
            throw new IllegalArgumentException("reports link only to files beside them: " + href);
        }
        body.append("<p><a href=\"").append(Html.escape(href)).append("\">").append(Html.escape(text))
                .append("</a></p>\n");
        return this;
    }

    public String render() {
        return "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                + "<title>" + Html.escape(title) + "</title>\n"
                + "<link rel=\"stylesheet\" href=\"" + STYLESHEET + "\">\n</head>\n<body>\n<main>\n"
                + body
                + "<footer>jenkins-mlops · generated " + Instant.now().truncatedTo(ChronoUnit.SECONDS)
                + "</footer>\n</main>\n</body>\n</html>\n";
    }
}
