package io.jenkins.plugins.mlops.steps;

import org.kohsuke.stapler.DataBoundSetter;

/**
 * A step that calls a model server's admin API: its {@code server} (default: the global
 * configuration's) and, for a server other than the configured one, its own admin-token credential.
 */
public abstract class ModelServerStep extends EngineStep {
    private static final long serialVersionUID = 1L;

    private String server;
    private String credentialsId;

    public String getServer() {
        return server;
    }

    /** The model server's URL; default: the global MLOps configuration's. */
    @DataBoundSetter
    public void setServer(String server) {
        this.server = fixEmpty(server);
    }

    public String getCredentialsId() {
        return credentialsId;
    }

    /** A Secret text credential with the admin token of {@code server}, when it is not the configured server. */
    @DataBoundSetter
    public void setCredentialsId(String credentialsId) {
        this.credentialsId = fixEmpty(credentialsId);
    }

    @Override
    boolean usesAdminToken() {
        return true;
    }

    @Override
    String serverOption() {
        return server;
    }

    @Override
    String adminTokenCredentialsId() {
        return credentialsId;
    }
}
