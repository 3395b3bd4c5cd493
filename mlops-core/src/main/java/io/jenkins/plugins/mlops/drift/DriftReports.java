package io.jenkins.plugins.mlops.drift;

import io.jenkins.plugins.mlops.contract.Check;
import io.jenkins.plugins.mlops.contract.CheckStatus;
import io.jenkins.plugins.mlops.report.Html;
import io.jenkins.plugins.mlops.report.HtmlReport;
import io.jenkins.plugins.mlops.report.Svg;
import io.jenkins.plugins.mlops.report.HtmlTable;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** How drift shows in step results and reports, shared by validation and monitoring. */
public final class DriftReports {
    private DriftReports() {
    }

    public static List<Check> checks(String prefix, List<ColumnDrift> drift) {
        List<Check> checks = new ArrayList<>();
        for (ColumnDrift d : drift) {
            CheckStatus status = switch (d.verdict()) {
                case DRIFT -> CheckStatus.FAILED;
                case NO_DRIFT -> CheckStatus.PASSED;
                case INSUFFICIENT_DATA -> CheckStatus.INSUFFICIENT_DATA;
            };
            checks.add(new Check(prefix + d.column(), status, d.effect(), d.threshold(), sentence(d)));
        }
        return checks;
    }

    public static long drifted(List<ColumnDrift> drift) {
        return drift.stream().filter(d -> d.verdict() == DriftVerdict.DRIFT).count();
    }

    static String sentence(ColumnDrift d) {
        String sizes = "n=" + d.sampleSizes().reference() + " reference vs " + d.sampleSizes().current() + " current";
        return switch (d.verdict()) {
            case INSUFFICIENT_DATA -> "Too few values for a verdict (" + sizes + ").";
            case DRIFT -> "Distribution changed: " + d.test() + " p_adj=" + Html.number(d.adjustedPValue()) + ", "
                    + d.effectName() + "=" + Html.number(d.effect()) + " (" + sizes + ").";
            case NO_DRIFT -> d.adjustedPValue() <= 0.05
                    ? "Statistically detectable but below the effect floor: " + d.effectName() + "="
                    + Html.number(d.effect()) + " (" + sizes + ")."
                    : "No significant change: p_adj=" + Html.number(d.adjustedPValue()) + " (" + sizes + ").";
        };
    }

    /** The drift table, with reference and current distributions overlaid for flagged columns. */
    public static void render(HtmlReport report, String heading, List<ColumnDrift> drift) {
        report.section(heading);
        HtmlTable table = new HtmlTable("Column", "Verdict", "Test", "Statistic", "p", "p (corrected)", "Effect measure", "Effect", "Other distances",
                "Reference n", "Current n");
        for (ColumnDrift d : drift) {
            table.rowWithClass("row-" + d.verdict().name().toLowerCase(Locale.ROOT).replace('_', '-'), d.column(),
                    new HtmlTable.Markup(HtmlReport.badge(d.verdict().name())), d.test(), d.statistic(), d.pValue(),
                    d.adjustedPValue(), d.effectName(), d.effect(), d.distances().entrySet().stream()
                            .filter(e -> !e.getKey().equals(d.effectName()))
                            .map(e -> e.getKey() + " " + Html.number(e.getValue())).collect(Collectors.joining(", ")),
                    d.sampleSizes().reference(),
                    d.sampleSizes().current());
        }
        report.table(table);
        if (!drift.isEmpty()) {
            report.note("Rule: " + drift.get(0).threshold().replace("wasserstein/sd", "effect")
                    .replace("jensen-shannon", "effect") + "; numeric effect = Wasserstein-1 distance / reference"
                    + " standard deviation, categorical effect = Jensen–Shannon distance; p-values corrected for the"
                    + " number of columns tested. PSI and L∞ are shown for comparison with other tools; they do not"
                    + " decide.");
        }
        List<String> figures = new ArrayList<>();
        for (ColumnDrift d : drift) {
            if (d.verdict() == DriftVerdict.DRIFT) {
                figures.add("<figure>" + Svg.overlay(d.bins().toArray(String[]::new), d.referenceShare(),
                        d.currentShare(), d.column() + ": reference vs current") + "<figcaption>" + Html.escape(d.column())
                        + ": share of values per bin, reference (grey) vs current (blue)</figcaption></figure>");
            }
        }
        if (!figures.isEmpty()) {
            report.gallery(figures);
        }
    }
}
