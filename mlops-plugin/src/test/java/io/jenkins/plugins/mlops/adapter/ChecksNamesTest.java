package io.jenkins.plugins.mlops.adapter;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.mlops.contract.Stage;
import org.junit.jupiter.api.Test;

class ChecksNamesTest {
    @Test
    void aStepsCheckIsNamedAfterItUnlessWithChecksNamesIt() {
        assertThat(ChecksNames.of(null, Stage.VALIDATE.result())).isEqualTo("mlops validation");
        assertThat(ChecksNames.of(" ", Stage.CANARY.result())).isEqualTo("mlops canary");
        assertThat(ChecksNames.of("Model quality", Stage.TEST.result())).isEqualTo("Model quality");
    }
}
