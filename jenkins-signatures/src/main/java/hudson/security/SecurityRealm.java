package hudson.security;

import hudson.ExtensionPoint;
import hudson.model.AbstractDescribableImpl;
import jenkins.model.IdStrategy;

/**
 * Compile-only signature of the real {@code hudson.security.SecurityRealm} at Jenkins 2.479.3 (see the module
 * README): {@code public abstract class SecurityRealm extends AbstractDescribableImpl<SecurityRealm> implements
 * ExtensionPoint}. The real abstract {@code createSecurityComponents()} is left out (its return type is not
 * stubbed), so <strong>do not subclass this stub</strong>; it is only for calling the two getters.
 */
public abstract class SecurityRealm extends AbstractDescribableImpl<SecurityRealm> implements ExtensionPoint {
    public IdStrategy getUserIdStrategy() {
        throw new UnsupportedOperationException("signature only");
    }

    public IdStrategy getGroupIdStrategy() {
        throw new UnsupportedOperationException("signature only");
    }
}
