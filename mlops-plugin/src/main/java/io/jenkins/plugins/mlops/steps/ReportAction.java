package io.jenkins.plugins.mlops.steps;

import hudson.FilePath;
import hudson.model.Action;
import hudson.model.DirectoryBrowserSupport;
import hudson.model.Run;
import io.jenkins.plugins.mlops.adapter.StepOutcome;
import jakarta.servlet.ServletException;
import java.io.File;
import java.io.IOException;
import java.util.Collection;
import java.util.List;
import jenkins.model.RunAction2;
import jenkins.tasks.SimpleBuildStep;
import org.kohsuke.stapler.StaplerRequest2;
import org.kohsuke.stapler.StaplerResponse2;

/**
 * One engine step's result on the build page: its status, summary and key numbers (plain data
 * only), and its reports, copied into the build folder and served from there with Jenkins' own
 * Content-Security-Policy (the reports are made to render under it: no script, no inline style).
 * Its key numbers trend on the job page ({@link TrendAction}).
 */
public final class ReportAction implements RunAction2, SimpleBuildStep.LastBuildAction {
    static final String BUILD_FOLDER = "mlops";

    private final StepOutcome outcome;
    /** The reports' folder under {@link #BUILD_FOLDER}, named after the step's output folder: unique in a build. */
    private final String folder;
    private transient Run<?, ?> run;

    ReportAction(StepOutcome outcome, String folder) {
        this.outcome = outcome;
        this.folder = folder;
    }

    /** A folder name for a workspace-relative output folder, e.g. {@code mlops/validation} gives {@code mlops-validation}. */
    static String folderFor(String out) {
        return out.replaceAll("[^A-Za-z0-9._-]+", "-").replaceAll("^[-.]+|-+$", "");
    }

    public StepOutcome getOutcome() {
        return outcome;
    }

    /** The HTML report's file name, e.g. {@code validation.html}. */
    public String getReportFile() {
        return outcome.getStep() + ".html";
    }

    @Override
    public String getIconFileName() {
        return "symbol-analytics";
    }

    @Override
    public String getDisplayName() {
        return "mlops " + outcome.getStep() + " report";
    }

    @Override
    public String getUrlName() {
        return urlNameFor(folder);
    }

    static String urlNameFor(String folder) {
        return "mlops-" + folder;
    }

    @Override
    public void onAttached(Run<?, ?> r) {
        this.run = r;
    }

    @Override
    public void onLoad(Run<?, ?> r) {
        this.run = r;
    }

    /**
     * The job page's trends, once per build (from its first report), of the build Jenkins asks:
     * the last successful one.
     */
    @Override
    public Collection<? extends Action> getProjectActions() {
        return run != null && run.getActions(ReportAction.class).get(0) == this ? List.of(new TrendAction(run)) : List.of();
    }

    public Run<?, ?> getRun() {
        return run;
    }

    /** Where the reports are in the build folder (on the controller). */
    File reportsDir() {
        return new File(new File(run.getRootDir(), BUILD_FOLDER), folder);
    }

    /** {@code <build>/mlops-<folder>/<file>}: the report files, with Jenkins' CSP for user content. */
    public void doDynamic(StaplerRequest2 req, StaplerResponse2 rsp) throws IOException, ServletException {
        new DirectoryBrowserSupport(this, new FilePath(reportsDir()), getDisplayName(), "symbol-document-text", false)
                .generateResponse(req, rsp, this);
    }
}
