package io.jenkins.plugins.mlops.steps;

import hudson.model.Run;
import io.jenkins.plugins.mlops.adapter.StepOutcome;
import jenkins.model.RunAction2;

/**
 * One engine step's result on the build page: its status, summary and key numbers (plain data
 * only; the reports themselves are files in the build folder, {@value #BUILD_FOLDER}/<step>/).
 */
public final class ReportAction implements RunAction2 {
    static final String BUILD_FOLDER = "mlops";

    private final StepOutcome outcome;
    private transient Run<?, ?> run;

    ReportAction(StepOutcome outcome) {
        this.outcome = outcome;
    }

    public StepOutcome getOutcome() {
        return outcome;
    }

    @Override
    public String getIconFileName() {
        return null;
    }

    @Override
    public String getDisplayName() {
        return "mlops " + outcome.step();
    }

    @Override
    public String getUrlName() {
        return null;
    }

    @Override
    public void onAttached(Run<?, ?> r) {
        this.run = r;
    }

    @Override
    public void onLoad(Run<?, ?> r) {
        this.run = r;
    }

    public Run<?, ?> getRun() {
        return run;
    }
}
