package io.jenkins.plugins.mlops.steps;

import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.checks.api.ChecksConclusion;
import io.jenkins.plugins.checks.api.ChecksDetails;
import io.jenkins.plugins.checks.api.ChecksOutput;
import io.jenkins.plugins.checks.api.ChecksPublisherFactory;
import io.jenkins.plugins.checks.api.ChecksStatus;
import io.jenkins.plugins.mlops.adapter.StepCheck;

/** Publishes a step's check through the Checks API (to the build's SCM platform, if one applies). */
final class StepChecks {
    private StepChecks() {
    }

    static void publish(Run<?, ?> run, TaskListener listener, StepCheck check) {
        ChecksOutput.ChecksOutputBuilder output = new ChecksOutput.ChecksOutputBuilder()
                .withTitle(check.title()).withSummary(check.summary());
        if (check.text() != null) {
            output.withText(check.text());
        }
        ChecksDetails.ChecksDetailsBuilder details = new ChecksDetails.ChecksDetailsBuilder()
                .withName(check.name())
                .withStatus(ChecksStatus.COMPLETED)
                .withConclusion(ChecksConclusion.valueOf(check.conclusion().name()))
                .withOutput(output.build());
        if (check.detailsUrl() != null) {
            details.withDetailsURL(check.detailsUrl());
        }
        ChecksPublisherFactory.fromRun(run, listener).publish(details.build());
    }
}
