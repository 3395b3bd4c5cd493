package io.jenkins.plugins.mlops.steps;

import hudson.AbortException;
import hudson.model.Result;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.mlops.adapter.StepOutcome;
import io.jenkins.plugins.mlops.contract.ExitCodes;
import java.util.Map;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.SynchronousNonBlockingStepExecution;

/**
 * Runs one engine step on the agent ({@link EngineRun}) and sets the build result from its outcome:
 * the step's {@code failOn} when a check failed, a failed step on an input error.
 */
final class EngineStepExecution extends SynchronousNonBlockingStepExecution<Map<String, Object>> {
    private static final long serialVersionUID = 1L;

    private final EngineStep step;

    EngineStepExecution(StepContext context, EngineStep step) {
        super(context);
        this.step = step;
    }

    @Override
    protected Map<String, Object> run() throws Exception {
        StepContext context = getContext();
        StepOutcome outcome = EngineRun.run(context, step, step.arguments(context.get(Run.class)));
        if (outcome.getExitCode() == ExitCodes.INPUT_ERROR) {
            throw new AbortException("mlops " + step.resultName() + ": input error, see the mlops line above");
        }
        Result result = Result.fromString(outcome.getBuildResult());
        if (result.isWorseThan(Result.SUCCESS)) {
            context.get(TaskListener.class).getLogger().println("mlops " + step.resultName() + ": "
                    + outcome.getStatus() + " - build marked " + result);
            context.setResult(result);
        }
        return outcome.toScriptResult();
    }
}
