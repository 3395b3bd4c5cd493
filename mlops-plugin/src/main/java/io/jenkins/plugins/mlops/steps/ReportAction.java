package io.jenkins.plugins.mlops.steps;

import hudson.Functions;
import hudson.model.Action;
import hudson.model.Run;
import hudson.security.AccessControlled;
import io.jenkins.plugins.mlops.adapter.EngineHost;
import io.jenkins.plugins.mlops.adapter.ReportFiles;
import io.jenkins.plugins.mlops.adapter.StepOutcome;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletResponse;
import java.io.File;
import java.io.IOException;
import java.util.Collection;
import java.util.List;
import jenkins.model.Jenkins;
import jenkins.model.RunAction2;
import jenkins.tasks.SimpleBuildStep;
import org.kohsuke.stapler.StaplerRequest2;
import org.kohsuke.stapler.StaplerResponse2;

/**
 * One engine step's result on the build page: its status, summary and key numbers (plain data
 * only), and its reports, copied into the build folder (report files only, see {@link
 * ReportFiles}) and served from there as Jenkins serves archived artifacts: to those who may read
 * the build's artifacts, with Jenkins' Content-Security-Policy for user content (the reports are
 * made to render under it: no script, no inline style), one file at a time (no listings, no zips).
 * Its key numbers trend on the job page ({@link TrendAction}).
 */
public final class ReportAction implements RunAction2, SimpleBuildStep.LastBuildAction {
    static final String BUILD_FOLDER = "mlops";
    /** The property and default with which Jenkins sets the CSP of archived files (DirectoryBrowserSupport). */
    static final String CSP_PROPERTY = "hudson.model.DirectoryBrowserSupport.CSP";
    static final String DEFAULT_CSP = "sandbox allow-same-origin; default-src 'none'; img-src 'self'; style-src 'self';";

    private final StepOutcome outcome;
    /** The reports' folder under {@link #BUILD_FOLDER}, named after the step's output folder: unique in a build. */
    private final String folder;
    /** Where the engine ran (for the approval that follows a gate); {@code null} in builds of older versions. */
    private final EngineHost host;
    private transient Run<?, ?> run;

    ReportAction(StepOutcome outcome, String folder, EngineHost host) {
        this.outcome = outcome;
        this.folder = folder;
        this.host = host;
    }

    /** A folder name for a workspace-relative output folder, e.g. {@code mlops/validation} gives {@code mlops-validation}. */
    static String folderFor(String out) {
        return out.replaceAll("[^A-Za-z0-9._-]+", "-").replaceAll("^[-.]+|-+$", "");
    }

    public StepOutcome getOutcome() {
        return outcome;
    }

    EngineHost getHost() {
        return host;
    }

    String getFolder() {
        return folder;
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
        String folder = outcome.getReportDir();
        // two reports of one kind in a build (a primary's and a canary's deploy) are told apart by their folder
        return "mlops " + outcome.getStep() + " report" + (folder.equals("mlops/" + outcome.getStep()) ? ""
                : " (" + folder + ")");
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

    /** The report's address for links from outside Jenkins (a check), or {@code null} when Jenkins' URL is not set. */
    String absoluteUrl() {
        String root = Jenkins.get().getRootUrl();
        return root == null ? null : root + run.getUrl() + getUrlName() + "/" + getReportFile();
    }

    /** The side panel's link: the report itself. */
    public void doIndex(StaplerRequest2 req, StaplerResponse2 rsp) throws IOException {
        checkArtifactsPermission();
        rsp.sendRedirect2(req.getContextPath() + "/" + run.getUrl() + getUrlName() + "/" + getReportFile());
    }

    /** {@code <build>/mlops-<folder>/<file>}: one report file, with Jenkins' CSP for user content. */
    public void doDynamic(StaplerRequest2 req, StaplerResponse2 rsp) throws IOException, ServletException {
        checkArtifactsPermission();
        String name = req.getRestOfPath().replaceFirst("^/", "");
        File file = new File(reportsDir(), name);
        if (!ReportFiles.isReport(name) || !file.isFile()) {
            rsp.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        String csp = System.getProperty(CSP_PROPERTY, DEFAULT_CSP);
        if (!csp.isBlank()) {
            rsp.setHeader("Content-Security-Policy", csp);
        }
        rsp.serveFile(req, file.toURI().toURL());
    }

    /** As Jenkins' own artifacts: the Artifacts permission, when Jenkins checks it at all. */
    private void checkArtifactsPermission() {
        checkArtifactsPermission(run, Functions.isArtifactsPermissionEnabled());
    }

    /** Throws Jenkins' access-denied error when {@code enabled} and the user lacks the build's Artifacts permission. */
    static void checkArtifactsPermission(AccessControlled build, boolean enabled) {
        if (enabled) {
            build.checkPermission(Run.ARTIFACTS);
        }
    }
}
