package io.jenkins.plugins.mlops.serving;

/** The new version answers a share of the requests (sticky by request id) beside the primary. */
final class CanaryDeployment implements DeploymentStrategy {
    @Override
    public String userName() {
        return "canary";
    }

    @Override
    public void check(double weight) {
        if (!(weight > 0 && weight < 1)) {
            throw new HttpError(400, "a canary weight must be between 0 and 1");
        }
    }

    @Override
    public DeployedModels.Route route(String name, DeployedModels.Route current, DeployedModels.Entry entry,
                                      double weight) {
        DeployedModels.requirePrimary(name, current);
        return new DeployedModels.Route(current.primary(), current.previous(), entry, weight, current.shadow());
    }
}
