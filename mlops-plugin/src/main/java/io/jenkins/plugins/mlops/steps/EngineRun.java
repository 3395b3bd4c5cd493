package io.jenkins.plugins.mlops.steps;

import com.cloudbees.plugins.credentials.CredentialsProvider;
import hudson.AbortException;
import hudson.EnvVars;
import hudson.FilePath;
import hudson.Launcher;
import hudson.Proc;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.tasks.junit.JUnitResultArchiver;
import io.jenkins.plugins.mlops.adapter.CpuFeatures;
import io.jenkins.plugins.mlops.adapter.EngineCommandLine;
import io.jenkins.plugins.mlops.adapter.FailOn;
import io.jenkins.plugins.mlops.adapter.Outcomes;
import io.jenkins.plugins.mlops.adapter.StepOutcome;
import io.jenkins.plugins.mlops.contract.ExitCodes;
import java.io.File;
import java.util.ArrayList;
import java.util.List;
import org.jenkinsci.plugins.plaincredentials.StringCredentials;
import org.jenkinsci.plugins.workflow.steps.StepContext;

/**
 * One run of the engine for a step, on the agent that holds the workspace: installs the engine's
 * jars there once (by checksum), starts the engine in a JVM of its own with the build's launcher,
 * streams its output to the build log, kills it when the build is aborted, then copies the reports
 * into the build, attaches a {@link ReportAction} and publishes the checks as JUnit results. The
 * controller only moves files and waits.
 */
final class EngineRun {
    private EngineRun() {
    }

    /**
     * @param arguments the engine's command and arguments, without {@code --out}
     */
    static StepOutcome run(StepContext context, EngineStep step, List<String> arguments) throws Exception {
        String resultName = step.resultName();
        String out = step.getOut();
        Run<?, ?> run = context.get(Run.class);
        FilePath workspace = context.get(FilePath.class);
        Launcher launcher = context.get(Launcher.class);
        TaskListener listener = context.get(TaskListener.class);
        EnvVars env = context.get(EnvVars.class);

        List<String> jars = EngineInstall.onAgent(workspace, listener);
        FilePath outDir = workspace.child(out);
        FilePath resultFile = outDir.child(resultName + ".json");
        // a result left by an earlier build must not pass for this one's
        if (resultFile.exists()) {
            resultFile.deleteRecursive();
        }
        List<String> withOut = new ArrayList<>(arguments);
        withOut.add("--out");
        withOut.add(out);
        List<String> command = EngineCommandLine.of(env.get("JAVA_HOME"), launcher.isUnix(), jars, step.getMaxHeap(),
                withOut);
        EnvVars engineEnv = engineEnvironment(env, run, step.usesAdminToken());
        FilePath cpuinfo = workspace.child("/proc/cpuinfo");
        if (launcher.isUnix() && !engineEnv.containsKey("OPENBLAS_CORETYPE") && cpuinfo.exists()) {
            String coreType = CpuFeatures.openBlasCoreType(cpuinfo.readToString());
            if (coreType != null) {
                engineEnv.put("OPENBLAS_CORETYPE", coreType);
            }
        }
        Proc engine = launcher.launch().cmds(command).pwd(workspace).envs(engineEnv).stdout(listener).start();
        int exitCode;
        try {
            exitCode = engine.join();
        } catch (InterruptedException e) {
            // the build was aborted: the engine JVM must not outlive it
            engine.kill();
            throw e;
        }

        String json = resultFile.exists() ? resultFile.readToString() : null;
        StepOutcome outcome = Outcomes.of(resultName, exitCode, json, out, failOn(step));
        String folder = ReportAction.folderFor(out);
        if (outDir.isDirectory()) {
            outDir.copyRecursiveTo(new FilePath(new File(new File(run.getRootDir(), ReportAction.BUILD_FOLDER), folder)));
        }
        // a step run again into the same folder (a loop, an approval answered twice) shows its latest report
        for (ReportAction earlier : run.getActions(ReportAction.class)) {
            if (earlier.getUrlName().equals(ReportAction.urlNameFor(folder))) {
                run.removeAction(earlier);
            }
        }
        run.addAction(new ReportAction(outcome, folder));
        if (step.publishesChecks() && exitCode != ExitCodes.INPUT_ERROR && outDir.list(JUNIT_FILES).length > 0) {
            // each check a test case: Jenkins' test report and its trend show them beside everything else
            JUnitResultArchiver junit = new JUnitResultArchiver(out + "/" + JUNIT_FILES);
            junit.setAllowEmptyResults(true);
            junit.perform(run, workspace, env, launcher, listener);
        }
        return outcome;
    }

    /** The engine's JUnit files, {@code <step>-junit.xml}. */
    private static final String JUNIT_FILES = "*-junit.xml";

    /** The step's own {@code failOn}, else the global default, else {@code FAILURE}. */
    static FailOn failOn(EngineStep step) {
        String configured = step.getFailOn() != null ? step.getFailOn() : MlopsConfiguration.get().getFailOn();
        return configured == null ? FailOn.FAILURE : FailOn.parse(configured);
    }

    /**
     * The build's environment plus the global configuration's defaults, where the build sets none:
     * the registry, the server and, for steps that call the server's admin API, its token.
     */
    private static EnvVars engineEnvironment(EnvVars build, Run<?, ?> run, boolean adminToken) throws AbortException {
        MlopsConfiguration config = MlopsConfiguration.get();
        EnvVars env = new EnvVars(build);
        if (config.getRegistry() != null) {
            env.putIfAbsent("MLOPS_HOME", config.getRegistry());
        }
        if (config.getServerUrl() != null) {
            env.putIfAbsent("MLOPS_SERVER", config.getServerUrl());
        }
        String id = config.getAdminTokenCredentialsId();
        if (adminToken && id != null && !env.containsKey("MLOPS_ADMIN_TOKEN")) {
            StringCredentials token = CredentialsProvider.findCredentialById(id, StringCredentials.class, run);
            if (token == null) {
                throw new AbortException("mlops: no Secret text credential '" + id + "' for the model server's admin"
                        + " token (Manage Jenkins » System » MLOps)");
            }
            env.put("MLOPS_ADMIN_TOKEN", token.getSecret().getPlainText());
        }
        return env;
    }
}
