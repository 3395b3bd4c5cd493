package com.cloudbees.plugins.credentials.domains;

import hudson.ExtensionPoint;
import java.io.Serializable;

/**
 * Compile-only signature of the real {@code com.cloudbees.plugins.credentials.domains.DomainRequirement} of the
 * <b>credentials plugin</b> (see the module README). Only used as the vararg element type of
 * {@code CredentialsProvider.findCredentialById}.
 */
public class DomainRequirement implements ExtensionPoint, Serializable {
    private static final long serialVersionUID = 1L;

    /** The real class declares no constructor: this is its implicit public no-argument one. */
    public DomainRequirement() {
        throw new UnsupportedOperationException("signature only");
    }
}
