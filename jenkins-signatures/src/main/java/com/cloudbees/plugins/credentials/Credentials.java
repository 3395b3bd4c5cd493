package com.cloudbees.plugins.credentials;

import java.io.Serializable;

/**
 * Compile-only signature of the real {@code com.cloudbees.plugins.credentials.Credentials} of the <b>credentials
 * plugin</b> (see the module README); only the {@link Serializable} supertype is declared. Do not implement.
 */
public interface Credentials extends Serializable {
}
