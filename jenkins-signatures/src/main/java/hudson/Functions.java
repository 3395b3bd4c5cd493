package hudson;

/** Real: core {@code hudson.Functions} (subset). */
public class Functions {
    public Functions() {
        throw new UnsupportedOperationException("signature only");
    }

    /** {@code -Dhudson.security.ArtifactsPermission=true}: whether {@code Run.ARTIFACTS} is checked at all. */
    public static boolean isArtifactsPermissionEnabled() {
        throw new UnsupportedOperationException("signature only");
    }
}
