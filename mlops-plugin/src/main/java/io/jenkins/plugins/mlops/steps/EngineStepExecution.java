package io.jenkins.plugins.mlops.steps;

import hudson.AbortException;
import hudson.EnvVars;
import hudson.FilePath;
import hudson.Launcher;
import hudson.Proc;
import hudson.model.Result;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.mlops.adapter.EngineCommandLine;
import io.jenkins.plugins.mlops.adapter.FailOn;
import io.jenkins.plugins.mlops.adapter.Outcomes;
import io.jenkins.plugins.mlops.adapter.StepOutcome;
import io.jenkins.plugins.mlops.contract.ExitCodes;
import java.io.File;
import java.util.ArrayList;
import java.util.List;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.SynchronousNonBlockingStepExecution;

/**
 * Runs one engine step on the agent: installs the engine's jars there once (by checksum), starts
 * the engine in a JVM of its own with the build's launcher, streams its output to the build log,
 * kills it when the build is aborted, then copies the reports into the build and sets the build
 * result. The controller only moves files and waits; the work happens on the agent.
 */
final class EngineStepExecution extends SynchronousNonBlockingStepExecution<StepOutcome> {
    private static final long serialVersionUID = 1L;

    private final EngineStep step;

    EngineStepExecution(StepContext context, EngineStep step) {
        super(context);
        this.step = step;
    }

    @Override
    protected StepOutcome run() throws Exception {
        StepContext context = getContext();
        Run<?, ?> run = context.get(Run.class);
        FilePath workspace = context.get(FilePath.class);
        Launcher launcher = context.get(Launcher.class);
        TaskListener listener = context.get(TaskListener.class);
        EnvVars env = context.get(EnvVars.class);

        List<String> jars = EngineInstall.onAgent(workspace, listener);
        FilePath out = workspace.child(step.getOut());
        FilePath resultFile = out.child(step.resultName() + ".json");
        // a result left by an earlier build must not pass for this one's
        if (resultFile.exists()) {
            resultFile.deleteRecursive();
        }
        List<String> arguments = new ArrayList<>(step.arguments());
        arguments.add("--out");
        arguments.add(step.getOut());
        List<String> command = EngineCommandLine.of(env.get("JAVA_HOME"), launcher.isUnix(), jars, step.getMaxHeap(),
                arguments);
        Proc engine = launcher.launch().cmds(command).pwd(workspace).envs(env).stdout(listener).start();
        int exitCode;
        try {
            exitCode = engine.join();
        } catch (InterruptedException e) {
            // the build was aborted: the engine JVM must not outlive it
            engine.kill();
            throw e;
        }

        String json = resultFile.exists() ? resultFile.readToString() : null;
        StepOutcome outcome = Outcomes.of(step.resultName(), exitCode, json, step.getOut(),
                FailOn.parse(step.getFailOn()));
        String folder = ReportAction.folderFor(step.getOut());
        if (out.isDirectory()) {
            out.copyRecursiveTo(new FilePath(new File(new File(run.getRootDir(), ReportAction.BUILD_FOLDER), folder)));
        }
        run.addAction(new ReportAction(outcome, folder));
        if (exitCode == ExitCodes.INPUT_ERROR) {
            throw new AbortException("mlops " + step.resultName() + ": input error, see the mlops line above");
        }
        Result result = Result.fromString(outcome.getBuildResult());
        if (result.isWorseThan(Result.SUCCESS)) {
            listener.getLogger().println("mlops " + step.resultName() + ": " + outcome.getStatus() + " - build marked "
                    + result);
            context.setResult(result);
        }
        return outcome;
    }
}
