package io.jenkins.plugins.mlops.adapter;

import io.jenkins.plugins.mlops.contract.Check;
import io.jenkins.plugins.mlops.contract.CheckStatus;
import io.jenkins.plugins.mlops.report.Html;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The check a step publishes (Checks API: GitHub, GitLab, Bitbucket show it on the change request):
 * what the step judged, in its own words, rather than junit's test counts. A gate that waits for a
 * person asks for an action; the checks themselves go in a table, the ones that did not pass first.
 *
 * @param name the check's name ({@link ChecksNames})
 * @param conclusion the checks-api conclusion, by name
 * @param title one line: the step's summary
 * @param summary Markdown: the verdict, the counts and the link to the report
 * @param text Markdown: the table of checks, or {@code null} when the step wrote none
 * @param detailsUrl the report's address (the check's link), or {@code null} for checks-api's default, the build
 */
public record StepCheck(String name, Conclusion conclusion, String title, String summary, String text,
                        String detailsUrl) {
    /** The names of checks-api's {@code ChecksConclusion} a step's check can end with. */
    public enum Conclusion {
        SUCCESS, FAILURE, ACTION_REQUIRED
    }

    /** GitHub cuts a title at 255 characters and the text at 65,535: keep ours readable well below. */
    static final int TITLE_LENGTH = 200;
    static final int TABLE_ROWS = 50;

    private static final Comparator<Check> NOT_PASSED_FIRST = Comparator.comparingInt(StepCheck::rank);

    /**
     * @param outcome the step's outcome ({@link Outcomes#of})
     * @param checks the checks of its result file ({@link Outcomes#checks}), empty after an input error
     * @param reportUrl the absolute URL of its report, or {@code null} when Jenkins' URL is not configured
     */
    public static StepCheck of(String name, StepOutcome outcome, List<Check> checks, String reportUrl) {
        Conclusion conclusion = switch (outcome.getStatus()) {
            case "PASSED" -> Conclusion.SUCCESS;
            case "NEEDS_APPROVAL" -> Conclusion.ACTION_REQUIRED;
            default -> Conclusion.FAILURE;
        };
        String line = outcome.getSummary() == null || outcome.getSummary().isBlank()
                ? outcome.getStep() + " " + outcome.getStatus() : outcome.getSummary();
        String title = line.length() <= TITLE_LENGTH ? line : line.substring(0, TITLE_LENGTH - 1) + "…";
        StringBuilder summary = new StringBuilder("**").append(outcome.getStatus()).append("**");
        if (!checks.isEmpty()) {
            summary.append(": ").append(counts(checks));
        }
        summary.append("\n\n").append(cell(line));
        if (reportUrl != null) {
            summary.append("\n\n[The ").append(outcome.getStep()).append(" report](").append(reportUrl).append(')');
        }
        return new StepCheck(name, conclusion, title, summary.toString(), checks.isEmpty() ? null : table(checks),
                reportUrl);
    }

    private static String counts(List<Check> checks) {
        Map<CheckStatus, Integer> counts = new EnumMap<>(CheckStatus.class);
        checks.forEach(c -> counts.merge(c.status(), 1, Integer::sum));
        List<String> parts = new ArrayList<>();
        counts.forEach((status, n) -> parts.add(n + " " + status.name().toLowerCase().replace('_', ' ')));
        return String.join(", ", parts);
    }

    private static String table(List<Check> checks) {
        List<Check> sorted = checks.stream().sorted(NOT_PASSED_FIRST).toList();
        StringBuilder text = new StringBuilder("| check | verdict | value | threshold | why |\n|---|---|---|---|---|\n");
        for (Check check : sorted.subList(0, Math.min(TABLE_ROWS, sorted.size()))) {
            text.append("| ").append(cell(check.name())).append(" | ").append(check.status())
                    .append(" | ").append(cell(value(check.value())))
                    .append(" | ").append(cell(check.threshold() == null ? "" : check.threshold()))
                    .append(" | ").append(cell(check.reason())).append(" |\n");
        }
        if (sorted.size() > TABLE_ROWS) {
            text.append("\n… and ").append(sorted.size() - TABLE_ROWS).append(" more checks, all in the report.\n");
        }
        return text.toString();
    }

    private static int rank(Check check) {
        return switch (check.status()) {
            case FAILED -> 0;
            case WARNING -> 1;
            case INSUFFICIENT_DATA -> 2;
            case PASSED -> 3;
        };
    }

    private static String value(Object value) {
        return value == null ? "" : value instanceof Number n ? Html.number(n.doubleValue()) : value.toString();
    }

    /** One Markdown table cell: no line breaks, no column separators, no HTML. */
    private static String cell(String text) {
        return text.replace("\r", " ").replace("\n", " ").replace("|", "\\|").replace("<", "&lt;").replace(">", "&gt;");
    }
}
