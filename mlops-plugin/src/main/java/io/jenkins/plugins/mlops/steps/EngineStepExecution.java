package io.jenkins.plugins.mlops.steps;

import hudson.AbortException;
import hudson.EnvVars;
import hudson.FilePath;
import hudson.Launcher;
import hudson.model.Result;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.checks.steps.ChecksInfo;
import io.jenkins.plugins.mlops.adapter.EngineFailure;
import io.jenkins.plugins.mlops.adapter.EngineHost;
import io.jenkins.plugins.mlops.adapter.StepOutcome;
import io.jenkins.plugins.mlops.contract.ExitCodes;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jenkinsci.plugins.workflow.actions.WarningAction;
import org.jenkinsci.plugins.workflow.graph.FlowNode;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepExecution;

/**
 * An engine step as the {@code sh} step runs a script: the engine is started on the agent
 * ({@link EngineRun#start}) and then watched from the controller, which copies its log and waits
 * for its exit code without holding a thread. A controller restart loses nothing: this execution is
 * saved with the Pipeline, and {@link #onResume} watches the same engine again once the agent is
 * back. Then the outcome decides the step, as {@code error}, {@code unstable} and {@code junit} do:
 * <ul>
 *   <li>a failed check with {@code failOn: 'FAILURE'} fails the step with its summary (after the
 *       reports are published), so later stages do not run and {@code catchError}, {@code retry} and
 *       {@code post { failure }} work;
 *   <li>with {@code 'UNSTABLE'} the step's node gets a {@link WarningAction} (the stage shows
 *       unstable) and the build becomes UNSTABLE; with {@code 'NONE'} neither;
 *   <li>an input error, a crash or a missing result fails the step as an error, never as a check.
 * </ul>
 */
final class EngineStepExecution extends StepExecution {
    private static final long serialVersionUID = 1L;
    private static final long MIN_PERIOD = 250;
    private static final long MAX_PERIOD = 5_000;
    /** Starts and watches engines: remote calls that may block, never on the Pipeline's thread. */
    static final ScheduledExecutorService WATCH = Executors.newScheduledThreadPool(4, r -> {
        Thread t = new Thread(r, "mlops engine watch");
        t.setDaemon(true);
        return t;
    });

    private final EngineStep step;
    private EngineProcess process;
    private EngineHost host;
    /** Why the build stopped the step; the engine is being killed. */
    private Throwable stopped;
    private transient volatile boolean done;
    private transient long period = MIN_PERIOD;

    EngineStepExecution(StepContext context, EngineStep step) {
        super(context);
        this.step = step;
    }

    @Override
    public boolean start() {
        WATCH.submit(this::launch);
        return false;
    }

    private void launch() {
        StepContext context = getContext();
        try {
            Run<?, ?> run = context.get(Run.class);
            FilePath workspace = context.get(FilePath.class);
            EnvVars env = context.get(EnvVars.class);
            EngineProcess started = EngineRun.start(run, workspace, context.get(Launcher.class), env,
                    context.get(TaskListener.class), step, step.arguments(run), EngineRun.actor(run));
            synchronized (this) {
                process = started;
                host = EngineRun.hostOf(workspace, env, step);
            }
            if (stopped != null) {
                // aborted while the engine was being started
                started.stop(workspace, context.get(TaskListener.class));
            }
            context.saveState();
            watch(MIN_PERIOD);
        } catch (Exception e) {
            finish(e);
        }
    }

    private synchronized void watch(long delay) {
        if (!done) {
            WATCH.schedule(this::check, delay, TimeUnit.MILLISECONDS);
        }
    }

    /** One look at the engine: new log output, and its end. */
    private void check() {
        try {
            TaskListener listener = getContext().get(TaskListener.class);
            FilePath workspace = process.workspace();
            if (workspace == null) {
                // the agent is not (yet) connected again: the engine goes on there; look later
                watch(MAX_PERIOD);
                return;
            }
            boolean output = process.copyLog(workspace, listener);
            if (output) {
                // the log offset lives in the controller: saved, a restart does not copy the log again (as sh does)
                getContext().saveState();
            }
            Integer exitCode = process.exitCode(workspace, listener);
            if (exitCode == null) {
                period = output ? MIN_PERIOD : Math.min(MAX_PERIOD, period * 6 / 5);
                watch(period);
                return;
            }
            ended(workspace, listener, exitCode);
        } catch (Exception e) {
            finish(e);
        }
    }

    private void ended(FilePath workspace, TaskListener listener, int exitCode) throws Exception {
        if (stopped != null) {
            finish(stopped);
            return;
        }
        StepContext context = getContext();
        Run<?, ?> run = context.get(Run.class);
        FlowNode node = context.get(FlowNode.class);
        ChecksInfo checks = context.get(ChecksInfo.class);
        StepOutcome outcome = EngineRun.publish(run, workspace, workspace.createLauncher(listener), listener, node, step,
                exitCode, host, checks == null ? null : checks.getName());
        if (exitCode == ExitCodes.INPUT_ERROR) {
            throw new AbortException("mlops " + step.resultName() + ": input error, see the mlops line above");
        }
        switch (outcome.getBuildResult()) {
            case "FAILURE" -> throw new AbortException("mlops " + step.resultName() + " " + outcome.getStatus() + ": "
                    + outcome.getSummary());
            case "UNSTABLE" -> {
                node.addOrReplaceAction(new WarningAction(Result.UNSTABLE).withMessage(outcome.getSummary()));
                run.setResult(Result.UNSTABLE);
                listener.getLogger().println("mlops " + step.resultName() + " " + outcome.getStatus() + ": "
                        + outcome.getSummary() + " (failOn: UNSTABLE, the build goes on)");
            }
            default -> {
                // PASSED, NEEDS_APPROVAL, or a failed check with failOn: 'NONE': the script decides
            }
        }
        synchronized (this) {
            done = true;
        }
        context.onSuccess(outcome.toScriptResult());
    }

    /** Ends the step with an error, once. */
    private void finish(Throwable error) {
        synchronized (this) {
            if (done) {
                return;
            }
            done = true;
        }
        getContext().onFailure(error instanceof EngineFailure ? new AbortException(error.getMessage()) : error);
    }

    /** After a controller restart: watch the same engine again (the agent may take a while to reconnect). */
    @Override
    public void onResume() {
        if (process == null) {
            finish(new AbortException("mlops " + step.resultName() + ": Jenkins restarted while the engine was being"
                    + " started; run the build again"));
            return;
        }
        watch(MIN_PERIOD);
    }

    /** The build was aborted: the engine is killed; the step ends when it has gone, or after 10 s regardless. */
    @Override
    public void stop(Throwable cause) {
        synchronized (this) {
            stopped = cause;
        }
        WATCH.submit(() -> {
            try {
                FilePath workspace = process == null ? null : process.workspace();
                if (workspace != null) {
                    process.stop(workspace, getContext().get(TaskListener.class));
                    watch(MIN_PERIOD);
                }
            } catch (Exception e) {
                // the fallback below still ends the step
            }
        });
        WATCH.schedule(() -> finish(cause), 10, TimeUnit.SECONDS);
        if (process == null) {
            finish(cause);
        }
    }

    @Override
    public String getStatus() {
        return process == null ? "starting the engine" : "engine running on " + host.describe();
    }
}
