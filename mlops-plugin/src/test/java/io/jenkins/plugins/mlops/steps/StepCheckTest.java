package io.jenkins.plugins.mlops.steps;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.mlops.adapter.ChecksNames;
import io.jenkins.plugins.mlops.adapter.Outcomes;
import io.jenkins.plugins.mlops.adapter.StepCheck;
import io.jenkins.plugins.mlops.adapter.StepOutcome;
import io.jenkins.plugins.mlops.testing.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The check each step publishes, built from what the real engine wrote for the step's arguments on
 * real data: its name, conclusion, title, Markdown summary and table, as EngineRun hands them to checks-api.
 */
class StepCheckTest {
    private static final String REPORT = "https://ci.example.org/job/churn/7/mlops-validation/validation.html";

    @TempDir
    Path ws;

    private StepCheck check(EngineStep step, String withChecks, String reportUrl) throws Exception {
        StepOutcome outcome = EngineRuns.run(ws, step, step.arguments());
        Path result = ws.resolve(step.getOut()).resolve(step.resultName() + ".json");
        String json = Files.exists(result) ? Files.readString(result) : null;
        return StepCheck.of(ChecksNames.of(withChecks, step.resultName()), outcome,
                Outcomes.checks(json, step.resultName()), reportUrl);
    }

    @Test
    void aFailedValidationFailsItsCheckWithTheFailedChecksFirstAndLinksTheReport() throws Exception {
        ValidateDataStep validate = new ValidateDataStep(Fixtures.bad("out-of-range.csv").toString());
        validate.setSchema(Fixtures.spec("penguins.schema.json").toString());
        StepCheck check = check(validate, null, REPORT);

        assertThat(check.name()).isEqualTo("mlops validation");
        assertThat(check.conclusion()).isEqualTo(StepCheck.Conclusion.FAILURE);
        assertThat(check.summary()).startsWith("**FAILED**: ").contains("failed")
                .endsWith("[The validation report](" + REPORT + ")");
        assertThat(check.detailsUrl()).isEqualTo(REPORT);
        List<String> rows = check.text().lines().skip(2).toList();
        assertThat(rows).isNotEmpty();
        assertThat(rows.get(0)).contains("| FAILED |");
        // failed rows come before any other verdict
        int lastFailed = -1;
        int firstOther = Integer.MAX_VALUE;
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).contains("| FAILED |")) {
                lastFailed = i;
            } else if (rows.get(i).startsWith("| ")) {
                firstOther = Math.min(firstOther, i);
            }
        }
        assertThat(lastFailed).isLessThan(firstOther);
        assertThat(check.title()).hasSizeLessThanOrEqualTo(200).doesNotContain("\n");
    }

    @Test
    void aCleanValidationSucceedsUnderTheNameWithChecksGivesAndWithoutAReportLinkWhenJenkinsHasNoUrl()
            throws Exception {
        String penguins = Fixtures.dataset("penguins.csv").toString();
        ValidateDataStep validate = new ValidateDataStep(penguins);
        validate.setReference(penguins);
        validate.setLabel("species");
        StepCheck check = check(validate, "Data contract", null);

        assertThat(check.name()).isEqualTo("Data contract");
        assertThat(check.conclusion()).isEqualTo(StepCheck.Conclusion.SUCCESS);
        assertThat(check.summary()).startsWith("**PASSED**: ").doesNotContain("failed").doesNotContain("](");
        assertThat(check.detailsUrl()).isNull();
        assertThat(check.text()).startsWith("| check | verdict | value | threshold | why |");
    }

    @Test
    void aGateThatWaitsForAnApproverAsksForAnAction() throws Exception {
        String iris = Fixtures.dataset("iris.csv").toString();
        ValidateDataStep validate = new ValidateDataStep(iris);
        EngineRuns.run(ws, validate, validate.arguments());
        Path policy = ws.resolve("policy.yaml");
        Files.writeString(policy, """
                stages:
                  staging:
                    require: [validation]
                    approval: {group: ml-leads}
                """);
        ModelGateStep gate = new ModelGateStep(List.of(ws.resolve("mlops/validation").toString()));
        gate.setPolicy(policy.toString());
        gate.setStage("staging");
        StepCheck check = check(gate, null, null);

        assertThat(check.name()).isEqualTo("mlops gate");
        assertThat(check.conclusion()).isEqualTo(StepCheck.Conclusion.ACTION_REQUIRED);
        assertThat(check.summary()).startsWith("**NEEDS_APPROVAL**");
        assertThat(check.title()).containsIgnoringCase("approv");
    }

    @Test
    void anInputErrorFailsTheCheckWithoutATableAndPointsToTheLog() throws Exception {
        Path ragged = Fixtures.bad("ragged-row-line7.csv");
        ValidateDataStep validate = new ValidateDataStep(ragged.toString());
        StepCheck check = check(validate, null, REPORT);

        assertThat(check.conclusion()).isEqualTo(StepCheck.Conclusion.FAILURE);
        assertThat(check.text()).isNull();
        assertThat(check.summary()).startsWith("**ERROR**\n\ninput error: see the line from mlops in the log");
        assertThat(check.title()).isEqualTo("input error: see the line from mlops in the log");
    }
}
