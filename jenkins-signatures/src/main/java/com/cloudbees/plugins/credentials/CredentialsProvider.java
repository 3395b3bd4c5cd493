package com.cloudbees.plugins.credentials;

import com.cloudbees.plugins.credentials.common.IdCredentials;
import com.cloudbees.plugins.credentials.domains.DomainRequirement;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.ExtensionPoint;
import hudson.model.Describable;
import hudson.model.Descriptor;
import hudson.model.Run;

/**
 * Compile-only signature of the real {@code com.cloudbees.plugins.credentials.CredentialsProvider} of the
 * <b>credentials plugin</b> (see the module README). Real: {@code public abstract class CredentialsProvider extends
 * Descriptor<CredentialsProvider> implements ExtensionPoint, Describable<CredentialsProvider>, IconSpec};
 * {@code IconSpec} left out. Do not subclass.
 */
public abstract class CredentialsProvider extends Descriptor<CredentialsProvider>
        implements ExtensionPoint, Describable<CredentialsProvider> {
    public CredentialsProvider() {
        throw new UnsupportedOperationException("signature only");
    }

    @CheckForNull
    public static <C extends IdCredentials> C findCredentialById(@NonNull String id, @NonNull Class<C> type,
            @NonNull Run<?, ?> run, DomainRequirement... domainRequirements) {
        throw new UnsupportedOperationException("signature only");
    }
}
