package hudson.security;

import edu.umd.cs.findbugs.annotations.NonNull;

/**
 * Compile-only signature of the real {@code hudson.security.AccessControlled} at Jenkins 2.479.3 (see the module
 * README). {@code checkPermission} and {@code hasPermission} are default methods since 2020 (Spring Security
 * migration); {@code checkPermission} throws the unchecked
 * {@code org.springframework.security.access.AccessDeniedException}, which is not stubbed (unchecked, so no
 * {@code throws} clause is needed for callers). Other defaults ({@code checkAnyPermission}, {@code hasAnyPermission},
 * {@code hasPermission2(Authentication, Permission)}) are left out.
 */
public interface AccessControlled {
    @NonNull
    ACL getACL();

    default void checkPermission(@NonNull Permission permission) {
        throw new UnsupportedOperationException("signature only");
    }

    default boolean hasPermission(@NonNull Permission permission) {
        throw new UnsupportedOperationException("signature only");
    }
}
