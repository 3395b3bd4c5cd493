package io.jenkins.plugins.mlops.steps;

import io.jenkins.plugins.mlops.contract.InvalidInputException;
import hudson.AbortException;
import hudson.EnvVars;
import hudson.FilePath;
import hudson.Launcher;
import hudson.model.Result;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.mlops.adapter.ApprovalEvidence;
import io.jenkins.plugins.mlops.adapter.EngineFailure;
import io.jenkins.plugins.mlops.adapter.EngineHost;
import io.jenkins.plugins.mlops.adapter.FailOn;
import io.jenkins.plugins.mlops.adapter.StepOutcome;
import io.jenkins.plugins.mlops.contract.ExitCodes;
import io.jenkins.plugins.mlops.contract.Stage;
import java.io.File;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
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
import org.jenkinsci.plugins.workflow.FilePathUtils;
import org.jenkinsci.plugins.workflow.actions.LabelAction;
import org.jenkinsci.plugins.workflow.actions.WarningAction;
import org.jenkinsci.plugins.workflow.graph.FlowNode;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.jenkinsci.plugins.workflow.support.actions.PauseAction;
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

    private static final String GATE_FILE = "gate.json";

    private final ApproveModelStep step;
    /** The gate's report folder in the build and where its engine ran: set when the prompt opens. */
    private String gateFolder;
    private EngineHost host;
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
            ReportAction gate = gateOf(run);
            File reports = gate.reportsDir();
            String gateJson = Files.readString(new File(reports, GATE_FILE).toPath());
            ApprovalEvidence evidence;
            try {
                Map<String, String> judged = new LinkedHashMap<>();
                for (String judgedStep : ApprovalEvidence.judgedFiles(gateJson).keySet()) {
                    File kept = new File(new File(reports, ModelGateStep.EVIDENCE_FOLDER), judgedStep + ".json");
                    if (kept.isFile()) {
                        judged.put(judgedStep, Files.readString(kept.toPath()));
                    }
                }
                evidence = ApprovalEvidence.of(gateJson, judged);
            } catch (InvalidInputException e) {
                throw new AbortException("mlops approve: the gate's " + GATE_FILE + ": " + e.getMessage());
            }
            synchronized (this) {
                gateFolder = gate.getFolder();
                host = gate.getHost();
            }
            long deadline = step.getTimeoutMinutes() == 0 ? 0
                    : System.currentTimeMillis() + TimeUnit.MINUTES.toMillis(step.getTimeoutMinutes());
            ApprovalAction action = new ApprovalAction(id, step.getModel(), evidence, step.getSubmitter(), deadline);
            action.attach(this);
            run.addAction(action);
            run.save();
            // what the input step does: graph views show the step paused
            FlowNode node = context.get(FlowNode.class);
            node.addAction(new PauseAction("Input"));
            // Graph View reads a running stage's state from the stage's own node, so it is paused too
            for (FlowNode stage : stagesAround(node)) {
                if (!PauseAction.isPaused(stage)) {
                    stage.addAction(new PauseAction("Input"));
                }
            }
            context.saveState();
            String root = Jenkins.get().getRootUrl();
            context.get(TaskListener.class).getLogger().println("mlops approve: waiting for a decision on "
                    + step.getModel() + (step.getSubmitter() == null ? "" : " by " + step.getSubmitter()) + ": "
                    + (root == null ? "" : root) + run.getUrl() + action.getUrlName() + "/");
            scheduleTimeout(action);
        } catch (Exception e) {
            getContext().onFailure(e);
        }
    }

    /** The gate this approval answers: the build's latest, or the one whose report folder the step names. */
    private ReportAction gateOf(Run<?, ?> run) throws AbortException {
        String wanted = step.getGate() == null ? null : ReportAction.folderFor(step.getGate());
        ReportAction found = null;
        for (ReportAction report : run.getActions(ReportAction.class)) {
            if (Stage.GATE.result().equals(report.getOutcome().getStep())
                    && (wanted == null || wanted.equals(report.getFolder()))) {
                found = report;
            }
        }
        if (found == null || found.getHost() == null) {
            throw new AbortException("mlops approve: this build has no modelGate result" + (wanted == null ? ""
                    : " in " + step.getGate()) + " to approve (run modelGate first)");
        }
        return found;
    }

    /** An admitted approver answered on the prompt: record it through the engine, off the request thread. */
    void decide(ApprovalAction action) {
        recording = WORK.submit(() -> record(action));
    }

    /**
     * Records the answer with {@code mlops approve} on the agent where the gate ran (its registry is
     * there), started for this one short run: the wait itself held no executor.
     */
    private void record(ApprovalAction action) {
        StepContext context = getContext();
        EngineProcess engine = null;
        FilePath workspace = null;
        try {
            Run<?, ?> run = context.get(Run.class);
            TaskListener listener = context.get(TaskListener.class);
            workspace = FilePathUtils.find(host.getNode(), host.getWorkspace());
            if (workspace == null) {
                action.reopen("The decision could not be recorded: " + host.describe() + ", where the gate ran and"
                        + " its registry is, is offline. Answer again when it is back.");
                run.save();
                return;
            }
            Launcher launcher = workspace.createLauncher(listener);
            FilePath parent = workspace.getParent();
            FilePath scratch = (parent == null ? workspace : parent.child(workspace.getName() + "@tmp"))
                    .child("mlops-approval-" + id);
            scratch.mkdirs();
            FilePath gateCopy = scratch.child(GATE_FILE);
            gateCopy.write(Files.readString(new File(new File(new File(run.getRootDir(), ReportAction.BUILD_FOLDER),
                    gateFolder), GATE_FILE).toPath()), "UTF-8");
            EnvVars env = new EnvVars();
            if (host.getJavaHome() != null) {
                env.put("JAVA_HOME", host.getJavaHome());
            }
            if (host.getRegistryHome() != null) {
                env.put("MLOPS_HOME", host.getRegistryHome());
            }
            if (host.getEngineHome() != null) {
                env.put(MlopsInstallation.HOME_VARIABLE, host.getEngineHome());
            }
            engine = EngineRun.start(run, workspace, launcher, env, listener, step, step.decisionArguments(
                    action.getAnswer(), action.getReason(), action.getUser(), action.getGroups(), gateCopy.getRemote()),
                    action.getUser());
            int exitCode = engine.await(workspace, listener);
            engine = null;
            scratch.deleteRecursive();
            StepOutcome outcome = EngineRun.publish(run, workspace, launcher, listener, context.get(FlowNode.class), step,
                    exitCode, host, null);
            if (exitCode == ExitCodes.INPUT_ERROR) {
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
            } else if (EngineRun.failOn(step) != FailOn.FAILURE) {
                action.decided(outcome, EngineRun.failOn(step) == FailOn.UNSTABLE);
            } else {
                action.close(outcome.getSummary(), outcome.getSummary());
            }
            cancelTimeout();
            run.save();
            listener.getLogger().println("mlops approve: " + action.getMessage());
            complete(action);
        } catch (InterruptedException e) {
            // the build was aborted while the engine ran: it must not outlive it; stop() ends the step
            Thread.currentThread().interrupt();
            kill(engine, workspace);
        } catch (Exception e) {
            kill(engine, workspace);
            context.onFailure(e instanceof EngineFailure ? new AbortException(e.getMessage()) : e);
        }
    }

    private void kill(EngineProcess engine, FilePath workspace) {
        if (engine != null) {
            try {
                engine.stop(workspace, getContext().get(TaskListener.class));
            } catch (Exception e) {
                LOGGER.log(Level.WARNING, "could not stop the engine recording an approval", e);
            }
        }
    }

    /** The stages and parallel branches the step is in (the blocks that carry a label), innermost first. */
    private static List<FlowNode> stagesAround(FlowNode node) {
        List<FlowNode> stages = new ArrayList<>();
        for (FlowNode block : node.getEnclosingBlocks()) {
            if (block.getAction(LabelAction.class) != null) {
                stages.add(block);
            }
        }
        return stages;
    }

    /** Ends the step as the closed prompt says; also after a restart that came between the two. */
    private void complete(ApprovalAction action) {
        StepContext context = getContext();
        try {
            FlowNode node = context.get(FlowNode.class);
            PauseAction.endCurrentPause(node);
            for (FlowNode stage : stagesAround(node)) {
                if (PauseAction.isPaused(stage)) {
                    PauseAction.endCurrentPause(stage);
                }
            }
        } catch (Exception e) {
            LOGGER.log(Level.WARNING, "could not end the pause of approveModel", e);
        }
        if (action.getFailure() != null) {
            context.onFailure(new AbortException(action.getFailure()));
            return;
        }
        if (action.isUnstable()) {
            try {
                context.get(FlowNode.class).addOrReplaceAction(new WarningAction(Result.UNSTABLE)
                        .withMessage(action.getMessage()));
                context.get(Run.class).setResult(Result.UNSTABLE);
            } catch (Exception e) {
                context.onFailure(e);
                return;
            }
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
