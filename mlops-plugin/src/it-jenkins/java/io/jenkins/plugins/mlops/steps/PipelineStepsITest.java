package io.jenkins.plugins.mlops.steps;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.FilePath;
import hudson.model.Result;
import hudson.slaves.DumbSlave;
import hudson.tasks.junit.TestResultAction;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.ClassRule;
import org.junit.Rule;
import org.junit.Test;
import org.jvnet.hudson.test.BuildWatcher;
import org.jvnet.hudson.test.JenkinsRule;

/**
 * The steps in a real Jenkins (run by pom-jenkins.xml, not offline): each step from a Jenkinsfile
 * on an agent, its result in Groovy, its report action and JUnit results on the build, the build
 * result from failOn, and the trends on the job page.
 */
public class PipelineStepsITest {
    @ClassRule
    public static BuildWatcher buildWatcher = new BuildWatcher();
    @Rule
    public JenkinsRule j = new JenkinsRule();

    /** The repository's penguins data, copied into the job's workspace on the agent. */
    private static void copyFixtures(FilePath workspace) throws Exception {
        Path datasets = Path.of(System.getProperty("basedir", "."), "..", "test-fixtures", "datasets");
        workspace.child("penguins.csv").copyFrom(Files.newInputStream(datasets.resolve("penguins.csv")));
        workspace.child("iris.csv").copyFrom(Files.newInputStream(datasets.resolve("iris.csv")));
    }

    @Test
    public void validateDataRunsOnAnAgentAndShowsItsReportJUnitResultsAndTrend() throws Exception {
        DumbSlave agent = j.createOnlineSlave();
        agent.setLabelString("ml");
        WorkflowJob job = j.createProject(WorkflowJob.class, "validate");
        copyFixtures(agent.getWorkspaceFor(job));
        job.setDefinition(new CpsFlowDefinition("""
                node('ml') {
                    def r = validateData data: 'penguins.csv', label: 'species'
                    echo "status=${r.status} rows=${r.metrics.rows}"
                }
                """, true));
        WorkflowRun run = j.buildAndAssertSuccess(job);
        j.assertLogContains("status=PASSED rows=344.0", run);
        ReportAction report = run.getAction(ReportAction.class);
        assertThat(report.getOutcome().getStep()).isEqualTo("validation");
        assertThat(new java.io.File(report.reportsDir(), "validation.html")).exists();
        assertThat(run.getAction(TestResultAction.class).getTotalCount()).isGreaterThan(0);
        // the engine's jars were installed on the agent, not run on the controller
        assertThat(agent.getWorkspaceFor(job).sibling(agent.getWorkspaceFor(job).getName() + "@tmp")
                .child("mlops-engine").exists()).isTrue();
        j.buildAndAssertSuccess(job);
        assertThat(job.getAction(TrendAction.class).getCharts()).extracting("metric").contains("validation.rows");
    }

    @Test
    public void aFailedCheckMarksTheBuildAsFailOnSays() throws Exception {
        WorkflowJob job = j.createProject(WorkflowJob.class, "broken");
        job.setDefinition(new CpsFlowDefinition("""
                node {
                    writeFile file: 'bad.csv', text: 'a,b\\n1,x\\n2,y\\n'
                    writeFile file: 'schema.json', text: '{"fields":[{"name":"a","type":"integer"},{"name":"b","type":"integer"}]}'
                    def r = validateData data: 'bad.csv', schema: 'schema.json', failOn: 'UNSTABLE'
                    echo "after: ${r.status}"
                }
                """, true));
        WorkflowRun run = j.assertBuildStatus(Result.UNSTABLE, job.scheduleBuild2(0));
        j.assertLogContains("after: FAILED", run);
    }

    @Test
    public void anInputErrorFailsTheStepWithTheEnginesOneLineMessage() throws Exception {
        WorkflowJob job = j.createProject(WorkflowJob.class, "missing");
        job.setDefinition(new CpsFlowDefinition("node { validateData data: 'nope.csv' }", true));
        WorkflowRun run = j.assertBuildStatus(Result.FAILURE, job.scheduleBuild2(0));
        j.assertLogContains("nope.csv", run);
        j.assertLogNotContains("\tat io.jenkins", run);
    }
}
