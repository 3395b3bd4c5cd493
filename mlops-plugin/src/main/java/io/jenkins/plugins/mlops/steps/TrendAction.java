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

/**
 * The trends of the mlops steps' key numbers on the job page ({@code floatingBox.jelly}), from the
 * build that Jenkins asks for project actions (the last successful one) back over
 * {@value #BUILDS} builds. Made on request from the builds' own {@link ReportAction}s: nothing to
 * keep in sync.
 */
public final class TrendAction implements Action {
    static final int BUILDS = 30;

    private final Run<?, ?> latest;

    TrendAction(Run<?, ?> latest) {
        this.latest = latest;
    }

    public List<Trends.Chart> getCharts() {
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
        return Trends.charts(points);
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
