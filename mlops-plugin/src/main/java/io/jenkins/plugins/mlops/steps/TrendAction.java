package io.jenkins.plugins.mlops.steps;

import hudson.model.Action;
import hudson.model.Run;
import io.jenkins.plugins.mlops.adapter.StepOutcome;
import io.jenkins.plugins.mlops.adapter.Trends;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.kohsuke.stapler.bind.JavaScriptMethod;

/**
 * The trends of the mlops steps' key numbers on the job page ({@code floatingBox.jelly}), drawn by
 * Jenkins' ECharts API (the echarts-api plugin's {@code trend-chart} tag, as junit and warnings-ng
 * draw theirs), from the build that Jenkins asks for project actions (the last successful one)
 * back over {@value #BUILDS} builds. Made on request from the builds' own {@link ReportAction}s:
 * nothing to keep in sync.
 */
public final class TrendAction implements Action {
    static final int BUILDS = 30;

    private final Run<?, ?> latest;

    TrendAction(Run<?, ?> latest) {
        this.latest = latest;
    }

    /** One chart per key metric that some of the builds have. */
    public List<Trend> getTrends() {
        List<Trends.Point> points = points();
        return Trends.metrics(points).stream().map(m -> new Trend(this, m)).toList();
    }

    private List<Trends.Point> points() {
        List<Trends.Point> points = new ArrayList<>();
        Run<?, ?> run = latest;
        for (int i = 0; i < BUILDS && run != null; i++, run = run.getPreviousBuild()) {
            Map<String, Double> metrics = new LinkedHashMap<>();
            for (ReportAction report : run.getActions(ReportAction.class)) {
                StepOutcome outcome = report.getOutcome();
                outcome.getMetrics().forEach((name, value) -> metrics.putIfAbsent(outcome.getStep() + "." + name, value));
            }
            if (!metrics.isEmpty()) {
                points.add(new Trends.Point(run.getNumber(), metrics));
            }
        }
        Collections.reverse(points);
        return points;
    }

    /**
     * One metric's chart, as the {@code trend-chart} tag takes it: visible or not, and the chart
     * model that its script asks for through Stapler's JavaScript binding.
     */
    public static final class Trend {
        private final TrendAction trends;
        private final String metric;

        Trend(TrendAction trends, String metric) {
            this.trends = trends;
            this.metric = metric;
        }

        public String getTitle() {
            return "mlops " + metric;
        }

        /** Names the chart's element; links from its points are off (a build's reports are on its page). */
        public String getUrlName() {
            return "mlops-trend-" + metric.replaceAll("[^A-Za-z0-9]+", "-");
        }

        public boolean isTrendVisible() {
            return true;
        }

        @JavaScriptMethod
        public String getBuildTrendModel() {
            return Trends.chartModel(metric, trends.points());
        }
    }

    @Override
    public String getIconFileName() {
        return null;
    }

    @Override
    public String getDisplayName() {
        return "mlops trends";
    }

    @Override
    public String getUrlName() {
        return null;
    }
}
