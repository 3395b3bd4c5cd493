package io.jenkins.plugins.mlops.steps;

import hudson.Extension;
import io.jenkins.plugins.mlops.adapter.Arguments;
import io.jenkins.plugins.mlops.contract.Stage;
import java.util.List;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/** {@code rollbackModel}: roll a model server back; {@code mlops deploy --rollback} as a Pipeline step. */
public class RollbackModelStep extends EngineStep {
    private static final long serialVersionUID = 1L;
    /** The name a Jenkinsfile calls the step by. */
    static final String FUNCTION_NAME = "rollbackModel";

    private String server;
    private String credentialsId;
    private final String model;

    @DataBoundConstructor
    public RollbackModelStep(String model) {
        this.model = model;
    }

    public String getServer() {
        return server;
    }

    /** The model server's URL; default: the global MLOps configuration's. */
    @DataBoundSetter
    public void setServer(String server) {
        this.server = fixEmpty(server);
    }

    public String getModel() {
        return model;
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

    public String getCredentialsId() {
        return credentialsId;
    }

    /** A Secret text credential with the admin token of {@code server}, when it is not the configured server. */
    @DataBoundSetter
    public void setCredentialsId(String credentialsId) {
        this.credentialsId = fixEmpty(credentialsId);
    }

    @Override
    String resultName() {
        return Stage.DEPLOY.result();
    }

    @Override
    List<String> arguments() {
        return new Arguments("deploy").option("server", server).option("model", model).flag("rollback", true)
                .toList();
    }

    @Extension
    public static final class DescriptorImpl extends EngineStepDescriptor {
        public DescriptorImpl() {
            super(FUNCTION_NAME, "Roll a model server back (mlops)");
        }
    }
}
