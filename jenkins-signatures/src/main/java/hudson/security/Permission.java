package hudson.security;

/**
 * Compile-only signature of the real {@code hudson.security.Permission} at Jenkins 2.479.3 (see the module README).
 * No members are declared: plugins here only pass existing constants ({@code Item.BUILD}, {@code Jenkins.ADMINISTER}).
 */
public final class Permission {
    /**
     * Not in the real class (whose public constructors take a {@code PermissionGroup}, which is not stubbed):
     * package-private so that javac does not add a public no-argument constructor that Jenkins does not have.
     */
    Permission() {
        throw new UnsupportedOperationException("signature only");
    }
}
