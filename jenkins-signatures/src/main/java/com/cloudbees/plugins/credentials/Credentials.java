package com.cloudbees.plugins.credentials;

import hudson.ExtensionPoint;
import java.io.Serializable;

/**
 * Compile-only signature of the real {@code com.cloudbees.plugins.credentials.Credentials} of the <b>credentials
 * plugin</b> (see the module README). Real: {@code public interface Credentials extends Describable<Credentials>,
 * Serializable, ExtensionPoint} with {@code getScope()} and {@code @NonNull CredentialsDescriptor getDescriptor()};
 * {@code Describable<Credentials>} and both methods are left out ({@code CredentialsScope}/{@code CredentialsDescriptor}
 * are not stubbed). Do not implement.
 */
public interface Credentials extends Serializable, ExtensionPoint {
}
