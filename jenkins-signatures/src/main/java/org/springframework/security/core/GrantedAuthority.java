package org.springframework.security.core;

import java.io.Serializable;

/**
 * Compile-only signature of Spring Security's {@code org.springframework.security.core.GrantedAuthority}
 * (spring-security-core 6.x, as bundled by Jenkins 2.479.3). Hand-stubbed to avoid a dependency; see the README.
 */
public interface GrantedAuthority extends Serializable {
    String getAuthority();
}
