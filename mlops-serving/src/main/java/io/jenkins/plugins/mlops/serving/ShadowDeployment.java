package io.jenkins.plugins.mlops.serving;

/** The new version sees every request, its answers logged, never returned. */
final class ShadowDeployment implements DeploymentStrategy {
    @Override
    public String userName() {
        return "shadow";
    }

    @Override
    public DeployedModels.Route route(String name, DeployedModels.Route current, DeployedModels.Entry entry,
                                      double weight) {
        DeployedModels.requirePrimary(name, current);
        return new DeployedModels.Route(current.primary(), current.previous(), current.canary(), current.weight(), entry);
    }
}
