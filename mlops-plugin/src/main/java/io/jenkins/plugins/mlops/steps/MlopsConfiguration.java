package io.jenkins.plugins.mlops.steps;

import com.cloudbees.plugins.credentials.CredentialsProvider;
import hudson.Extension;
import hudson.ExtensionList;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.mlops.adapter.FailOn;
import io.jenkins.plugins.mlops.adapter.ModelServerCheck;
import jenkins.model.GlobalConfiguration;
import jenkins.model.Jenkins;
import org.jenkinsci.Symbol;
import org.jenkinsci.plugins.plaincredentials.StringCredentials;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

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

    /** The Secret text credentials of the store, for the admin-token dropdown; administrators only. */
    @POST
    public ListBoxModel doFillAdminTokenCredentialsIdItems(@QueryParameter String adminTokenCredentialsId) {
        Jenkins.get().checkPermission(Jenkins.ADMINISTER);
        ListBoxModel items = CredentialsProvider.listCredentialsInItemGroup(StringCredentials.class, null, null, null,
                null);
        items.add(0, new ListBoxModel.Option("- none -", ""));
        String current = blankToNull(adminTokenCredentialsId);
        // an id that is gone from the store (or came from Configuration as Code) stays visible, and the check says so
        if (current != null && items.stream().noneMatch(o -> o.value.equals(current))) {
            items.add(new ListBoxModel.Option(current + " (not found)", current));
        }
        return items;
    }

    @POST
    public FormValidation doCheckAdminTokenCredentialsId(@QueryParameter String value) {
        Jenkins.get().checkPermission(Jenkins.ADMINISTER);
        String id = blankToNull(value);
        if (id == null) {
            return FormValidation.ok();
        }
        return token(id) == null ? FormValidation.error("No Secret text credential '" + id + "' in the store")
                : FormValidation.ok();
    }

    /** Reaches the server as deployModel would: its protocol, its admin API, this token. */
    @POST
    public FormValidation doTestConnection(@QueryParameter String serverUrl,
                                           @QueryParameter String adminTokenCredentialsId) {
        Jenkins.get().checkPermission(Jenkins.ADMINISTER);
        if (blankToNull(serverUrl) == null) {
            return FormValidation.error("Give the model server's URL first");
        }
        String id = blankToNull(adminTokenCredentialsId);
        StringCredentials credential = id == null ? null : token(id);
        if (id != null && credential == null) {
            return FormValidation.error("No Secret text credential '" + id + "' in the store");
        }
        ModelServerCheck.Verdict verdict = ModelServerCheck.check(serverUrl,
                credential == null ? null : credential.getSecret().getPlainText());
        return switch (verdict.kind()) {
            case OK -> FormValidation.ok(verdict.message());
            case WARNING -> FormValidation.warning(verdict.message());
            case ERROR -> FormValidation.error(verdict.message());
        };
    }

    private static StringCredentials token(String id) {
        return CredentialsProvider.lookupCredentialsInItemGroup(StringCredentials.class, null, null, null).stream()
                .filter(c -> id.equals(c.getId())).findFirst().orElse(null);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
