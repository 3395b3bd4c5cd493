package com.cloudbees.plugins.credentials.common;

import com.cloudbees.plugins.credentials.Credentials;
import edu.umd.cs.findbugs.annotations.NonNull;

/**
 * Compile-only signature of the real {@code com.cloudbees.plugins.credentials.common.IdCredentials} of the
 * <b>credentials plugin</b> (see the module README). Do not implement.
 */
public interface IdCredentials extends Credentials {
    @NonNull
    String getId();
}
