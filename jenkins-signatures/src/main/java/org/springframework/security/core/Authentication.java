package org.springframework.security.core;

import java.io.Serializable;
import java.security.Principal;
import java.util.Collection;

/**
 * Compile-only signature of Spring Security's {@code org.springframework.security.core.Authentication}
 * (spring-security-core 6.x, as bundled by Jenkins 2.479.3). Only {@link #getAuthorities()} is declared
 * ({@code getName()} comes from {@link Principal}); see the README.
 */
public interface Authentication extends Principal, Serializable {
    Collection<? extends GrantedAuthority> getAuthorities();
}
