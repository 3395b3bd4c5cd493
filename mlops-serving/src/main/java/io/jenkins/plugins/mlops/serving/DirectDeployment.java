package io.jenkins.plugins.mlops.serving;

/** The new version answers at once; the old primary stays warm as the previous one, for a rollback. */
class DirectDeployment implements DeploymentStrategy {
    @Override
    public String userName() {
        return "direct";
    }

    @Override
    public DeployedModels.Route route(String name, DeployedModels.Route current, DeployedModels.Entry entry,
                                      double weight) {
        return new DeployedModels.Route(entry, current == null ? null : current.primary(), null, 0, null);
    }
}
