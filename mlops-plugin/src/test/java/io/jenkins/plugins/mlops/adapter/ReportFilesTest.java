package io.jenkins.plugins.mlops.adapter;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Only reports leave the workspace: never the model, the hold-out rows, the reference rows or other data. */
class ReportFilesTest {
    @Test
    void reportsAreCopiedAndServed() {
        assertThat(ReportFiles.isReport("validation.html")).isTrue();
        assertThat(ReportFiles.isReport("mlops-report.css")).isTrue();
        assertThat(ReportFiles.isReport("train.json")).isTrue();
        assertThat(ReportFiles.isReport("test-junit.xml")).isTrue();
        assertThat(ReportFiles.isReport("model-card.html")).isTrue();
    }

    @Test
    void modelsDataAndPathsAreNot() {
        for (String name : new String[] {"holdout.csv", "reference.csv", "params.bin", "model", "model/params.bin",
                "../train.json", "..", "*zip*", "", "predictions.jsonl", "best-spec.yaml", ".hidden.html",
                "train.html/x", "a\\b.html"}) {
            assertThat(ReportFiles.isReport(name)).as(name).isFalse();
        }
        assertThat(ReportFiles.isReport(null)).isFalse();
    }
}
