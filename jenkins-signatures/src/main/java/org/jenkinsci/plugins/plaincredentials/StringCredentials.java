package org.jenkinsci.plugins.plaincredentials;

import com.cloudbees.plugins.credentials.common.IdCredentials;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.util.Secret;

/**
 * Compile-only signature of the real {@code org.jenkinsci.plugins.plaincredentials.StringCredentials} of the
 * <b>plain-credentials plugin</b> (see the module README). Real: {@code public interface StringCredentials extends
 * StandardCredentials} (which extends {@code IdCredentials}); the indirect supertype {@link IdCredentials} is declared
 * instead. Do not implement.
 */
public interface StringCredentials extends IdCredentials {
    @NonNull
    Secret getSecret();
}
