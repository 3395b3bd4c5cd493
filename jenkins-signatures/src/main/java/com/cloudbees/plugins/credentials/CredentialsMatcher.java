package com.cloudbees.plugins.credentials;

import edu.umd.cs.findbugs.annotations.NonNull;
import java.io.Serializable;

/**
 * Compile-only signature of the real {@code com.cloudbees.plugins.credentials.CredentialsMatcher} of the
 * <b>credentials plugin</b> (see the module README): {@code public interface CredentialsMatcher extends
 * Serializable}. Only used as a parameter type (passed as null: match all).
 */
public interface CredentialsMatcher extends Serializable {
    boolean matches(@NonNull Credentials item);
}
