package io.jenkins.plugins.mlops.steps;

import hudson.AbortException;
import hudson.FilePath;
import hudson.model.Result;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.mlops.adapter.ApprovalEvidence;
import io.jenkins.plugins.mlops.adapter.FailOn;
import io.jenkins.plugins.mlops.adapter.StepOutcome;
import io.jenkins.plugins.mlops.contract.ExitCodes;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import jenkins.model.Jenkins;
import jenkins.util.Timer;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.jenkinsci.plugins.workflow.steps.StepContext;

/**
 * The pause of {@code approveModel}: an {@link ApprovalAction} on the build shows the gate's
 * evidence and takes the answer; {@code mlops approve} then applies the policy (group, four eyes),
 * records the decision in the registry's audit log, and only after that does the build go on.
 *
 * <p>Why not delegate to the {@code input} step: its prompt shows a message and parameters, not
 * evidence; its answer ends the step at once, before anything could be written to the audit log,
 * so a crash in between would lose a decision that let a model through; and a refused answer (the
 * one who started the run, under four eyes) should leave the prompt open for someone else, where
 * {@code input} would have finished. What {@code input} gets right is kept: the pause is the
 * Pipeline's own (this execution is saved with the program and survives a controller restart,
 * {@link #onResume}), the action is saved with the build, only the submitters may answer, and
 * nothing runs on the Pipeline's VM thread. How the step ends is written to the prompt before the
 * Pipeline hears of it, so that a restart in between still ends it.
 */
final class ApproveModelExecution extends StepExecution {
    private static final long serialVersionUID = 1L;
    private static final Logger LOGGER = Logger.getLogger(ApproveModelExecution.class.getName());
    /**
     * Where the slow work runs (reading the gate's files, the engine's JVM): not the Pipeline's
     * thread, and not {@link Timer}, whose few threads serve all of Jenkins.
     */
    private static final ExecutorService WORK = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "mlops approveModel");
        t.setDaemon(true);
        return t;
    });

    private final ApproveModelStep step;
    /** Names the prompt's URL: unique among the build's approvals. */
    private final String id;
    private transient ScheduledFuture<?> timeout;
    /** The engine recording an answer, cancelled (and so killed) when the build is aborted. */
    private transient Future<?> recording;

    ApproveModelExecution(StepContext context, ApproveModelStep step) {
        super(context);
        this.step = step;
        this.id = UUID.randomUUID().toString().substring(0, 8);
    }

    @Override
    public boolean start() {
        WORK.submit(this::open);
        return false;
    }

    private void open() {
        try {
            StepContext context = getContext();
            Run<?, ?> run = context.get(Run.class);
            FilePath workspace = context.get(FilePath.class);
            FilePath gate = workspace.child(step.getGate());
            if (!gate.exists()) {
                throw new AbortException("mlops approve: no gate result at " + step.getGate()
                        + " (run modelGate first, or set gate:)");
            }
            String gateJson = gate.readToString();
            ApprovalEvidence evidence;
            try {
                Map<String, String> judged = new LinkedHashMap<>();
                for (Map.Entry<String, String> input : ApprovalEvidence.judgedFiles(gateJson).entrySet()) {
                    FilePath file = workspace.child(input.getValue());
                    if (file.exists()) {
                        judged.put(input.getKey(), file.readToString());
                    }
                }
                evidence = ApprovalEvidence.of(gateJson, judged);
            } catch (IllegalArgumentException e) {
                throw new AbortException("mlops approve: " + step.getGate() + ": " + e.getMessage());
            }
            long deadline = step.getTimeoutMinutes() == 0 ? 0
                    : System.currentTimeMillis() + TimeUnit.MINUTES.toMillis(step.getTimeoutMinutes());
            ApprovalAction action = new ApprovalAction(id, step.getModel(), evidence, step.getSubmitter(), deadline);
            action.attach(this);
            run.addAction(action);
            run.save();
            String root = Jenkins.get().getRootUrl();
            context.get(TaskListener.class).getLogger().println("mlops approve: waiting for a decision on "
                    + step.getModel() + (step.getSubmitter() == null ? "" : " by " + step.getSubmitter()) + ": "
                    + (root == null ? "" : root) + run.getUrl() + action.getUrlName() + "/");
            scheduleTimeout(action);
        } catch (Exception e) {
            getContext().onFailure(e);
        }
    }

    /** An admitted approver answered on the prompt: record it through the engine, off the request thread. */
    void decide(ApprovalAction action) {
        recording = WORK.submit(() -> record(action));
    }

    private void record(ApprovalAction action) {
        StepContext context = getContext();
        try {
            Run<?, ?> run = context.get(Run.class);
            TaskListener listener = context.get(TaskListener.class);
            StepOutcome outcome = EngineRun.run(context, step, step.decisionArguments(action.getAnswer(),
                    action.getReason(), action.getUser(), action.getGroups()));
            if (outcome.getExitCode() == ExitCodes.INPUT_ERROR) {
                action.close("The engine could not record the decision: see the build log.",
                        "mlops approve: input error, see the mlops line above");
            } else if (Boolean.parseBoolean(outcome.getDetails().get("refused"))) {
                // recorded as refused in the audit log; someone else may still answer
                action.reopen(outcome.getSummary());
                run.save();
                listener.getLogger().println("mlops approve: " + outcome.getSummary());
                return;
            } else if (outcome.isPassed()) {
                action.decided(outcome, false);
            } else if (EngineRun.failOn(step) == FailOn.UNSTABLE) {
                action.decided(outcome, true);
            } else {
                action.close(outcome.getSummary(), outcome.getSummary());
            }
            cancelTimeout();
            run.save();
            listener.getLogger().println("mlops approve: " + action.getMessage());
            complete(action);
        } catch (InterruptedException e) {
            // the build was aborted while the engine ran: stop() ends the step
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            context.onFailure(e);
        }
    }

    /** Ends the step as the closed prompt says; also after a restart that came between the two. */
    private void complete(ApprovalAction action) {
        StepContext context = getContext();
        if (action.getFailure() != null) {
            context.onFailure(new AbortException(action.getFailure()));
            return;
        }
        if (action.isUnstable()) {
            context.setResult(Result.UNSTABLE);
        }
        context.onSuccess(action.getResult().toScriptResult());
    }

    private void scheduleTimeout(ApprovalAction action) {
        if (action.getDeadline() > 0) {
            timeout = Timer.get().schedule(() -> WORK.submit(this::expire),
                    Math.max(0, action.getDeadline() - System.currentTimeMillis()), TimeUnit.MILLISECONDS);
        }
    }

    private void cancelTimeout() {
        if (timeout != null) {
            timeout.cancel(false);
        }
    }

    private void expire() {
        try {
            ApprovalAction action = action();
            String why = "No decision within " + step.getTimeoutMinutes() + " minutes.";
            if (action != null && action.closeIfPending(why, "mlops approve: no decision on " + step.getModel()
                    + " within " + step.getTimeoutMinutes() + " minutes")) {
                getContext().get(Run.class).save();
                complete(action);
            }
        } catch (Exception e) {
            getContext().onFailure(e);
        }
    }

    /** This execution's prompt on the build, {@code null} before {@link #open} made it. */
    private ApprovalAction action() throws Exception {
        for (ApprovalAction a : getContext().get(Run.class).getActions(ApprovalAction.class)) {
            if (a.getId().equals(id)) {
                return a;
            }
        }
        return null;
    }

    /**
     * After a controller restart: the prompt was saved with the build. A waiting prompt gets back
     * its way to this execution and its deadline; an answer that was being recorded is recorded
     * again (the audit log may then show it twice, never not at all); a closed prompt whose end
     * had not reached the Pipeline ends the step now.
     */
    @Override
    public void onResume() {
        super.onResume();
        WORK.submit(() -> {
            try {
                ApprovalAction action = action();
                if (action == null) {
                    open();
                } else if (action.isClosed()) {
                    complete(action);
                } else {
                    action.attach(this);
                    if (action.isRecording()) {
                        record(action);
                    } else {
                        scheduleTimeout(action);
                    }
                }
            } catch (Exception e) {
                getContext().onFailure(e);
            }
        });
    }

    /** The build was aborted: the engine (if recording) is killed, the prompt closes, the step fails. */
    @Override
    public void stop(Throwable cause) throws Exception {
        cancelTimeout();
        if (recording != null) {
            recording.cancel(true);
        }
        // saving the build is I/O: not on the Pipeline's thread
        WORK.submit(() -> {
            try {
                ApprovalAction action = action();
                if (action != null && action.closeIfPending("The build was aborted.", String.valueOf(cause))) {
                    getContext().get(Run.class).save();
                }
            } catch (Exception e) {
                // the step fails with the abort's cause below either way; the prompt just stays as it was
                LOGGER.log(Level.WARNING, "could not close the approval prompt of an aborted build", e);
            }
        });
        super.stop(cause);
    }

    @Override
    public String getStatus() {
        return "waiting for a decision on " + step.getModel();
    }
}
