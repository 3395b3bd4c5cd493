package io.jenkins.plugins.mlops.steps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import org.junit.jupiter.api.Test;

/** The block's settings as the environment its mlops steps run in. */
class WithMlopsStepTest {
    @Test
    void onlyTheSettingsGivenReachTheBodyUnderTheEnginesNames() {
        WithMlopsStep block = new WithMlopsStep();
        assertThat(block.variables()).isEmpty();
        block.setRegistry("/srv/mlops/registry");
        block.setServer(" ");
        block.setCredentialsId("staging-admin-token");
        assertThat(block.variables()).containsExactly(
                entry("MLOPS_HOME", "/srv/mlops/registry"),
                entry(WithMlopsStep.CREDENTIALS_VARIABLE, "staging-admin-token"));
        block.setServer("http://models.staging:8080");
        assertThat(block.variables()).containsEntry("MLOPS_SERVER", "http://models.staging:8080");
    }
}
