package io.jenkins.plugins.mlops.serving;

import io.jenkins.plugins.mlops.model.PackagedModel;
import java.util.List;

/**
 * How a newly loaded version joins its model's route. A new strategy is one class implementing this,
 * listed in {@link #ALL}; the admin API, the CLI's options and the Pipeline step take their names from
 * there.
 */
interface DeploymentStrategy {
    List<DeploymentStrategy> ALL = List.of(new DirectDeployment(), new BlueGreenDeployment(), new CanaryDeployment(),
            new ShadowDeployment());

    /** The name users write: direct, blue-green, canary, shadow. */
    String userName();

    /** Refuses a request before anything is loaded (HTTP 400), e.g. a canary weight outside (0, 1). */
    default void check(double weight) {
    }

    /** Refuses the loaded version before any route changes (HTTP 409), e.g. blue-green's health probe. */
    default void admit(PackagedModel model, String ref) {
    }

    /**
     * The route once {@code entry} has joined.
     *
     * @param current the model's route, {@code null} when it has none yet
     * @param weight the canary's share of requests
     */
    DeployedModels.Route route(String name, DeployedModels.Route current, DeployedModels.Entry entry, double weight);

    static List<String> names() {
        return ALL.stream().map(DeploymentStrategy::userName).toList();
    }

    /** {@code null} when {@code userName} is none of {@link #names()}. */
    static DeploymentStrategy parse(String userName) {
        return ALL.stream().filter(s -> s.userName().equals(userName)).findFirst().orElse(null);
    }
}
