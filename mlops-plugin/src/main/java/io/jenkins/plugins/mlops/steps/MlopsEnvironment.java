package io.jenkins.plugins.mlops.steps;

import hudson.EnvVars;
import hudson.Extension;
import hudson.model.EnvironmentContributor;
import hudson.model.Run;
import hudson.model.TaskListener;

/**
 * The global configuration's registry and server in every build's environment ({@code MLOPS_HOME},
 * {@code MLOPS_SERVER}), so {@code sh 'mlops registry …'} through the mlops tool uses the registry the
 * steps use; a Jenkinsfile's {@code environment}, {@code withEnv} or {@code withMlops} still wins. The
 * admin token never goes here: only the steps that call the server get it.
 */
@Extension
public final class MlopsEnvironment extends EnvironmentContributor {
    @Override
    @SuppressWarnings("rawtypes")
    public void buildEnvironmentFor(Run run, EnvVars env, TaskListener listener) {
        MlopsConfiguration config = MlopsConfiguration.get();
        if (config.getRegistry() != null) {
            env.putIfAbsent("MLOPS_HOME", config.getRegistry());
        }
        if (config.getServerUrl() != null) {
            env.putIfAbsent("MLOPS_SERVER", config.getServerUrl());
        }
    }
}
