package hudson.model;

import hudson.EnvVars;
import hudson.ExtensionPoint;
import java.io.IOException;

/**
 * Compile-only signature of the real {@code hudson.model.EnvironmentContributor} (see the module
 * README): what every build's environment gets from the plugins, before a Jenkinsfile's own
 * {@code environment} and {@code withEnv} apply. The real methods take raw {@code Run} and {@code Job}.
 */
@SuppressWarnings("rawtypes")
public abstract class EnvironmentContributor implements ExtensionPoint {
    public void buildEnvironmentFor(Run r, EnvVars envs, TaskListener listener) throws IOException, InterruptedException {
    }

    public void buildEnvironmentFor(Job j, EnvVars envs, TaskListener listener) throws IOException, InterruptedException {
    }
}
