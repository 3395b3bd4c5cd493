package io.jenkins.plugins.mlops.steps;

import com.cloudbees.plugins.credentials.CredentialsProvider;
import hudson.AbortException;
import hudson.EnvVars;
import hudson.FilePath;
import hudson.Launcher;
import hudson.model.Cause;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.tasks.junit.JUnitResultArchiver;
import hudson.tasks.junit.pipeline.JUnitResultsStepExecution;
import hudson.tasks.test.PipelineTestDetails;
import io.jenkins.plugins.mlops.adapter.ChecksNames;
import io.jenkins.plugins.mlops.adapter.CpuFeatures;
import io.jenkins.plugins.mlops.adapter.EngineCommandLine;
import io.jenkins.plugins.mlops.adapter.EngineHost;
import io.jenkins.plugins.mlops.adapter.FailOn;
import io.jenkins.plugins.mlops.adapter.ModelServerCheck;
import io.jenkins.plugins.mlops.adapter.Outcomes;
import io.jenkins.plugins.mlops.adapter.ReportFiles;
import io.jenkins.plugins.mlops.adapter.StepCheck;
import io.jenkins.plugins.mlops.adapter.StepOutcome;
import io.jenkins.plugins.mlops.contract.ExitCodes;
import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.jenkinsci.plugins.plaincredentials.StringCredentials;
import org.jenkinsci.plugins.workflow.FilePathUtils;
import org.jenkinsci.plugins.workflow.graph.FlowNode;

/**
 * One run of the engine for a step, on the agent that holds the workspace, in two halves. {@link
 * #start}: the engine installed on the agent once, then started in a JVM of its own (an {@link
 * EngineProcess}, which survives a controller restart). {@link #publish}, once it has ended: its
 * reports copied into the build (report files only), a {@link ReportAction} attached, its checks
 * recorded as the stage's JUnit results. The controller only moves files and waits.
 */
final class EngineRun {
    /** The engine's JUnit files, {@code <step>-junit.xml}. */
    private static final String JUNIT_FILES = "*-junit.xml";

    private EngineRun() {
    }

    /**
     * @param arguments the engine's command and arguments, without {@code --out}
     * @param user who acts, for the audit log ({@link #actor})
     */
    static EngineProcess start(Run<?, ?> run, FilePath workspace, Launcher launcher, EnvVars env, TaskListener listener,
                               EngineStep step, List<String> arguments, String user) throws IOException,
            InterruptedException {
        if (!launcher.isUnix()) {
            throw new AbortException("mlops " + step.resultName() + ": the agent '" + host(workspace) + "' is not a"
                    + " Unix agent; the mlops engine runs on Linux x86_64 agents (its bundled ND4J natives)");
        }
        String classpath = EngineInstall.onAgent(workspace, env, listener);
        FilePath resultFile = workspace.child(step.getOut()).child(step.resultName() + ".json");
        // a result left by an earlier build must not pass for this one's
        if (resultFile.exists()) {
            resultFile.delete();
        }
        List<String> withOut = new ArrayList<>(arguments);
        withOut.add("--out");
        withOut.add(step.getOut());
        List<String> command = EngineCommandLine.of(env.get("JAVA_HOME"), classpath, step.getMaxHeap(), withOut);
        EnvVars engineEnv = engineEnvironment(env, run, step, user, listener);
        FilePath cpuinfo = workspace.child("/proc/cpuinfo");
        if (cpuinfo.exists()) {
            String cpus = cpuinfo.readToString();
            String coreType = CpuFeatures.openBlasCoreType(cpus);
            if (coreType != null) {
                engineEnv.putIfAbsent("OPENBLAS_CORETYPE", coreType);
            }
            // as the mlops launcher does, unless the build chose: ND4J's OpenMP defaults are slow on small agents
            engineEnv.putIfAbsent("OMP_NUM_THREADS", EngineCommandLine.ompThreads(CpuFeatures.processors(cpus)));
            engineEnv.putIfAbsent("OMP_WAIT_POLICY", "PASSIVE");
        }
        EngineProcess process = EngineProcess.start(workspace, launcher, engineEnv, command, listener);
        listener.getLogger().println("mlops " + step.resultName() + ": engine started on " + host(workspace)
                + ", reports in " + step.getOut());
        return process;
    }

    /**
     * Where the engine ran, for the approval that may come later: node, workspace, Java, engine and
     * the registry the step used (its own {@code registry:}, else the engine's {@code MLOPS_HOME}).
     */
    static EngineHost hostOf(FilePath workspace, EnvVars env, EngineStep step) {
        String registry = step.registryOption() != null ? step.registryOption() : env.get("MLOPS_HOME");
        return new EngineHost(FilePathUtils.getNodeName(workspace), workspace.getRemote(), env.get("JAVA_HOME"), registry,
                env.get(MlopsInstallation.HOME_VARIABLE));
    }

    private static String host(FilePath workspace) {
        String node = FilePathUtils.getNodeName(workspace);
        return node.isEmpty() ? "the built-in node" : node;
    }

    /**
     * After the engine ended: the outcome from its exit code and result, the reports in the build,
     * the checks as the stage's test results (which never change the build result: the step's
     * {@code failOn} does) and the step's check on the change request.
     *
     * @throws io.jenkins.plugins.mlops.adapter.EngineFailure when the engine did not end as the contract says
     */
    static StepOutcome publish(Run<?, ?> run, FilePath workspace, Launcher launcher, TaskListener listener, FlowNode node,
                               EngineStep step, int exitCode, EngineHost host, String withChecks)
            throws IOException, InterruptedException {
        String out = step.getOut();
        FilePath outDir = workspace.child(out);
        FilePath resultFile = outDir.child(step.resultName() + ".json");
        String json = exitCode != ExitCodes.INPUT_ERROR && resultFile.exists() ? resultFile.readToString() : null;
        StepOutcome outcome = Outcomes.of(step.resultName(), exitCode, json, out, failOn(step));
        String folder = ReportAction.folderFor(out);
        FilePath reports = new FilePath(new File(new File(run.getRootDir(), ReportAction.BUILD_FOLDER), folder));
        if (reports.exists()) {
            reports.deleteRecursive();
        }
        reports.mkdirs();
        if (outDir.isDirectory()) {
            for (FilePath file : outDir.list("*")) {
                if (ReportFiles.isReport(file.getName())) {
                    file.copyTo(reports.child(file.getName()));
                }
            }
            step.keepEvidence(workspace, outDir, reports);
        }
        // a step run again into the same folder (a loop, an approval answered twice) shows its latest report
        for (ReportAction earlier : run.getActions(ReportAction.class)) {
            if (earlier.getUrlName().equals(ReportAction.urlNameFor(folder))) {
                run.removeAction(earlier);
            }
        }
        ReportAction report = new ReportAction(outcome, folder, host);
        run.addAction(report);
        if (!step.publishesChecks()) {
            return outcome;
        }
        if (exitCode != ExitCodes.INPUT_ERROR && outDir.list(JUNIT_FILES).length > 0) {
            // each check a test case, recorded with the stage's test details as the junit step does;
            // the step's own check below says what it judged, so junit posts none
            JUnitResultArchiver junit = new JUnitResultArchiver(out + "/" + JUNIT_FILES);
            junit.setAllowEmptyResults(true);
            junit.setSkipPublishingChecks(true);
            JUnitResultArchiver.parseAndSummarize(junit, testDetails(node), run, workspace, launcher, listener);
        }
        StepChecks.publish(run, listener, StepCheck.of(ChecksNames.of(withChecks, step.resultName()), outcome,
                Outcomes.checks(json, step.resultName()), report.absoluteUrl()));
        return outcome;
    }

    private static PipelineTestDetails testDetails(FlowNode node) {
        PipelineTestDetails details = new PipelineTestDetails();
        details.setNodeId(node.getId());
        List<FlowNode> enclosing = JUnitResultsStepExecution.getEnclosingStagesAndParallels(node);
        details.setEnclosingBlocks(JUnitResultsStepExecution.getEnclosingBlockIds(enclosing));
        details.setEnclosingBlockNames(JUnitResultsStepExecution.getEnclosingBlockNames(enclosing));
        return details;
    }

    /** The step's own {@code failOn}, else the global default, else {@code FAILURE}. */
    static FailOn failOn(EngineStep step) {
        String configured = step.getFailOn() != null ? step.getFailOn() : MlopsConfiguration.get().getFailOn();
        return configured == null ? FailOn.FAILURE : FailOn.parse(configured);
    }

    /**
     * Who acts for the audit log: the Jenkins user who started the build, else the build itself
     * ({@code jenkins:job#7}, started by a timer or SCM), never the agent's OS account.
     */
    static String actor(Run<?, ?> run) {
        String starter = startedBy(run);
        return starter != null ? starter : "jenkins:" + run.getExternalizableId();
    }

    /** The Jenkins user who started the build ("Started by user ..."), else {@code null}. */
    static String startedBy(Run<?, ?> run) {
        Cause.UserIdCause cause = run.getCause(Cause.UserIdCause.class);
        return cause == null ? null : cause.getUserId();
    }

    /**
     * Whose admin token a step's call carries: the step's own credential, else its {@code withMlops}
     * block's (only to that block's server), else the global configuration's (only to the configured
     * server); {@code null} when none may go, which the log says.
     */
    private static String adminTokenCredential(EngineStep step, EnvVars build, MlopsConfiguration config,
                                               TaskListener listener) {
        if (step.adminTokenCredentialsId() != null) {
            return step.adminTokenCredentialsId();
        }
        String blockServer = build.get("MLOPS_SERVER");
        String blockCredential = build.get(WithMlopsStep.CREDENTIALS_VARIABLE);
        if (blockCredential != null && !blockCredential.isBlank()) {
            if (ModelServerCheck.sendsConfiguredToken(blockServer, step.serverOption())) {
                return blockCredential;
            }
            return withheld(listener, "withMlops", blockServer, step.serverOption());
        }
        String target = step.serverOption() != null ? step.serverOption() : blockServer;
        if (config.getAdminTokenCredentialsId() == null) {
            return null;
        }
        if (ModelServerCheck.sendsConfiguredToken(config.getServerUrl(), target)) {
            return config.getAdminTokenCredentialsId();
        }
        return withheld(listener, "configured", config.getServerUrl(), target);
    }

    /** Says in the log why no token goes with the call; the engine then fails for want of one. */
    private static String withheld(TaskListener listener, String whose, String server, String target) {
        listener.getLogger().println("mlops: the " + whose + " admin token goes only to " + server + ", not to " + target
                + "; give the step a credentialsId for that server");
        return null;
    }

    /**
     * The build's environment (which holds the configured registry and server where the build sets
     * none, {@link MlopsEnvironment}), the admin token for steps that call the server's admin API, and who acts.
     */
    private static EnvVars engineEnvironment(EnvVars build, Run<?, ?> run, EngineStep step, String user,
                                             TaskListener listener) throws AbortException {
        MlopsConfiguration config = MlopsConfiguration.get();
        EnvVars env = new EnvVars(build);
        env.put("MLOPS_USER", user);
        if (step.usesAdminToken() && !env.containsKey("MLOPS_ADMIN_TOKEN")) {
            String id = adminTokenCredential(step, build, config, listener);
            if (id != null) {
                StringCredentials token = CredentialsProvider.track(run,
                        CredentialsProvider.findCredentialById(id, StringCredentials.class, run));
                if (token == null) {
                    throw new AbortException("mlops: no Secret text credential '" + id + "' for the model server's"
                            + " admin token (the step's credentialsId, withMlops, or Manage Jenkins » System » MLOps)");
                }
                env.put("MLOPS_ADMIN_TOKEN", token.getSecret().getPlainText());
            }
        }
        return env;
    }
}
