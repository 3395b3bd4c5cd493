package io.jenkins.plugins.mlops.steps;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.model.Result;
import hudson.model.User;
import java.nio.file.Files;
import java.nio.file.Path;
import org.htmlunit.html.HtmlForm;
import org.htmlunit.html.HtmlPage;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.ClassRule;
import org.junit.Rule;
import org.junit.Test;
import org.jvnet.hudson.test.BuildWatcher;
import org.jvnet.hudson.test.JenkinsSessionRule;
import org.jvnet.hudson.test.MockAuthorizationStrategy;

/**
 * {@code approveModel} in a real Jenkins (pom-jenkins.xml): the prompt shows the gate's evidence,
 * only submitters may answer, four eyes refuses the user who started the build and keeps the prompt
 * open, a colleague's approval lets the build go on, and the whole pause survives a restart.
 */
public class ApproveModelITest {
    @ClassRule
    public static BuildWatcher buildWatcher = new BuildWatcher();
    @Rule
    public JenkinsSessionRule sessions = new JenkinsSessionRule();

    /** validate, train, register, test and a production gate that wants a member of ml-leads other than the starter. */
    private static final String PIPELINE = """
            node {
                writeFile file: 'policy.yaml', text: '''stages:
              production:
                require: [validation, test]
                approval: {group: ml-leads, fourEyes: true}
            '''
                writeFile file: 'iris.yaml', text: 'task: classification\\nlabel: target\\nseed: 3\\ntraining: {epochs: 30}\\n'
                validateData data: 'iris.csv', label: 'target'
                trainModel spec: 'iris.yaml', data: 'iris.csv'
                def reg = registerModel model: 'mlops/train/model', name: 'iris', registry: 'registry'
                testModel model: 'mlops/train/model', data: 'iris.csv'
                def g = modelGate results: ['mlops/validation', 'mlops/test'], policy: 'policy.yaml',
                                  stage: 'production', model: "iris@${reg.details.version}", registry: 'registry'
                def d = approveModel model: "iris@${reg.details.version}", submitter: 'ml-leads', registry: 'registry'
                echo "approved by ${d.details.approver}"
            }
            """;

    private static WorkflowJob job(org.jvnet.hudson.test.JenkinsRule j) throws Exception {
        org.jvnet.hudson.test.JenkinsRule.DummySecurityRealm realm = j.createDummySecurityRealm();
        realm.addGroups("carol", "ml-leads");
        realm.addGroups("dave", "ml-leads");
        j.jenkins.setSecurityRealm(realm);
        j.jenkins.setAuthorizationStrategy(new MockAuthorizationStrategy()
                .grant(jenkins.model.Jenkins.READ, hudson.model.Item.READ, hudson.model.Item.BUILD).everywhere()
                .toEveryone());
        WorkflowJob job = j.createProject(WorkflowJob.class, "churn");
        Path iris = Path.of(System.getProperty("basedir", "."), "..", "test-fixtures", "datasets", "iris.csv");
        j.jenkins.getWorkspaceFor(job).child("iris.csv").copyFrom(Files.newInputStream(iris));
        job.setDefinition(new CpsFlowDefinition(PIPELINE, true));
        return job;
    }

    private static ApprovalAction waitForPrompt(WorkflowRun run) throws Exception {
        for (int i = 0; i < 600 && run.getAction(ApprovalAction.class) == null; i++) {
            Thread.sleep(500);
        }
        return run.getAction(ApprovalAction.class);
    }

    private static void answer(org.jvnet.hudson.test.JenkinsRule j, WorkflowRun run, ApprovalAction prompt, String user,
                               String decision, String reason) throws Exception {
        org.jvnet.hudson.test.JenkinsRule.WebClient web = j.createWebClient().login(user);
        HtmlPage page = web.getPage(run, prompt.getUrlName() + "/");
        assertThat(page.asNormalizedText()).contains("NEEDS_APPROVAL", "ml-leads", "accuracy");
        HtmlForm form = page.getFormByName("approval");
        form.getInputsByValue(decision).get(0).setChecked(true);
        if (reason != null) {
            form.getTextAreaByName("reason").setText(reason);
        }
        j.submit(form);
    }

    @Test
    public void fourEyesRefusesTheStarterAColleagueApprovesAndItSurvivesARestart() throws Throwable {
        sessions.then(j -> {
            WorkflowJob job = job(j);
            User.getById("carol", true);
            // started by carol: four eyes keeps her from approving
            WorkflowRun run = job.scheduleBuild2(0, new hudson.model.CauseAction(new hudson.model.Cause.UserIdCause("carol")))
                    .waitForStart();
            ApprovalAction prompt = waitForPrompt(run);
            assertThat(prompt.isPending()).isTrue();
            assertThat(prompt.getEvidence().getStartedBy()).isEqualTo("carol");
        });
        sessions.then(j -> {
            WorkflowRun run = j.jenkins.getItemByFullName("churn", WorkflowJob.class).getLastBuild();
            ApprovalAction prompt = waitForPrompt(run);
            // carol is in ml-leads but started the run: refused, recorded, and the prompt waits on
            answer(j, run, prompt, "carol", "approve", null);
            for (int i = 0; i < 600 && (prompt.getMessage() == null || !prompt.getMessage().contains("four eyes")); i++) {
                Thread.sleep(500);
            }
            assertThat(prompt.isPending()).isTrue();
            assertThat(prompt.getMessage()).contains("four eyes");
            answer(j, run, prompt, "dave", "approve", null);
            j.assertBuildStatusSuccess(j.waitForCompletion(run));
            j.assertLogContains("approved by dave", run);
        });
    }

    @Test
    public void aRejectionNeedsAReasonAndFailsTheBuild() throws Throwable {
        sessions.then(j -> {
            WorkflowRun run = job(j).scheduleBuild2(0).waitForStart();
            ApprovalAction prompt = waitForPrompt(run);
            answer(j, run, prompt, "dave", "reject", null);
            assertThat(prompt.getMessage()).contains("needs a reason");
            assertThat(prompt.isPending()).isTrue();
            answer(j, run, prompt, "dave", "reject", "accuracy on the new segment is unproven");
            j.assertBuildStatus(Result.FAILURE, j.waitForCompletion(run));
        });
    }

    @Test
    public void someoneOutsideTheSubmittersSeesNoForm() throws Throwable {
        sessions.then(j -> {
            WorkflowRun run = job(j).scheduleBuild2(0).waitForStart();
            ApprovalAction prompt = waitForPrompt(run);
            HtmlPage page = j.createWebClient().login("mallory").getPage(run, prompt.getUrlName() + "/");
            assertThat(page.getForms()).noneMatch(f -> "approval".equals(f.getNameAttribute()));
            run.doStop();
            j.assertBuildStatus(Result.ABORTED, j.waitForCompletion(run));
            assertThat(prompt.getState()).isEqualTo("CLOSED");
        });
    }
}
