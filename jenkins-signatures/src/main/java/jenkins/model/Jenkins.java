package jenkins.model;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import edu.umd.cs.findbugs.annotations.Nullable;
import hudson.model.Label;
import hudson.model.Node;
import hudson.security.ACL;
import hudson.security.AccessControlled;
import hudson.security.Permission;
import hudson.security.SecurityRealm;
import java.util.List;
import org.springframework.security.core.Authentication;

/**
 * Compile-only signature of the real {@code jenkins.model.Jenkins} at Jenkins 2.479.3 (see the module README).
 * Real: {@code public class Jenkins extends AbstractCIBase implements DirectlyModifiableTopLevelItemGroup,
 * StaplerProxy, StaplerFallback, ModifiableViewGroup, AccessControlled, ...}; of these only {@link AccessControlled}
 * is declared (rule 5: a left-out supertype can only make code not compile, never fail to link).
 */
public class Jenkins implements AccessControlled {
    /** Real: {@code public static final Permission ADMINISTER = Permission.HUDSON_ADMINISTER;} — null here (rule 3). */
    public static final Permission ADMINISTER = null;

    /**
     * Not in the real class (whose constructor is {@code protected Jenkins(File, ServletContext)}): package-private
     * so that javac does not add a public no-argument constructor that Jenkins does not have.
     */
    Jenkins() {
        throw new UnsupportedOperationException("signature only");
    }

    public static @NonNull Jenkins get() throws IllegalStateException {
        throw new UnsupportedOperationException("signature only");
    }

    public static @NonNull Authentication getAuthentication2() {
        throw new UnsupportedOperationException("signature only");
    }

    public @Nullable String getRootUrl() throws IllegalStateException {
        throw new UnsupportedOperationException("signature only");
    }

    public SecurityRealm getSecurityRealm() {
        throw new UnsupportedOperationException("signature only");
    }

    @NonNull
    @Override
    public ACL getACL() {
        throw new UnsupportedOperationException("signature only");
    }

    /** A label expression's label: {@code null} for a blank expression. */
    @CheckForNull
    public Label getLabel(String expr) {
        throw new UnsupportedOperationException("signature only");
    }

    /** The agents (not the built-in node). */
    public List<Node> getNodes() {
        throw new UnsupportedOperationException("signature only");
    }
}
