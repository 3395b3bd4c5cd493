package hudson.security;

/**
 * Compile-only signature of the real {@code hudson.security.ACL} at Jenkins 2.479.3 (see the module README).
 * Only here as the return type of {@link AccessControlled#getACL()}; no members declared.
 */
public abstract class ACL {
}
