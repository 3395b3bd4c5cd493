package io.jenkins.plugins.mlops.steps;

import hudson.Extension;
import hudson.ExtensionList;
import io.jenkins.plugins.mlops.adapter.FailOn;
import jenkins.model.GlobalConfiguration;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * Defaults for every mlops step, on Manage Jenkins » System (and in Configuration as Code under
 * {@code unclassified: mlops:}): the registry, the model server, the credentials id of the server's
 * admin token, and what a failed check does to the build. A step's own parameter wins over these.
 * They reach the engine as its environment ({@code MLOPS_HOME}, {@code MLOPS_SERVER},
 * {@code MLOPS_ADMIN_TOKEN}), never on its command line, where a token would show in {@code ps}.
 */
@Extension
@Symbol("mlops")
public class MlopsConfiguration extends GlobalConfiguration {
    private String registry;
    private String serverUrl;
    private String adminTokenCredentialsId;
    private String failOn;

    public MlopsConfiguration() {
        load();
    }

    /** The one instance Jenkins made. */
    static MlopsConfiguration get() {
        return ExtensionList.lookupSingleton(MlopsConfiguration.class);
    }

    public String getRegistry() {
        return registry;
    }

    /** The registry folder on the agents (a shared path), for steps that name none. */
    @DataBoundSetter
    public void setRegistry(String registry) {
        this.registry = blankToNull(registry);
        save();
    }

    public String getServerUrl() {
        return serverUrl;
    }

    /** The model server, for {@code deployModel} and {@code rollbackModel} calls that name none. */
    @DataBoundSetter
    public void setServerUrl(String serverUrl) {
        this.serverUrl = blankToNull(serverUrl);
        save();
    }

    public String getAdminTokenCredentialsId() {
        return adminTokenCredentialsId;
    }

    /** A Secret text credential holding the model server's admin token. */
    @DataBoundSetter
    public void setAdminTokenCredentialsId(String adminTokenCredentialsId) {
        this.adminTokenCredentialsId = blankToNull(adminTokenCredentialsId);
        save();
    }

    public String getFailOn() {
        return failOn;
    }

    /** {@code FAILURE} or {@code UNSTABLE} for steps that set no {@code failOn}; empty means {@code FAILURE}. */
    @DataBoundSetter
    public void setFailOn(String failOn) {
        this.failOn = failOn == null || failOn.isBlank() ? null : FailOn.parse(failOn).name();
        save();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
