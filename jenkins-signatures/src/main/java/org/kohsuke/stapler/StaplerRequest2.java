package org.kohsuke.stapler;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Compile-only signature of the real {@code org.kohsuke.stapler.StaplerRequest2} (Stapler, shipped with Jenkins since
 * 2.475; see the module README). The real interface extends the Jakarta EE 9 {@link HttpServletRequest} and adds
 * Stapler's own methods ({@code getRestOfPath()}, {@code getView(..)}, {@code bindJSON(..)} ...), none of which is
 * declared here. It lives in the same package as Maven Central's stapler 1.263 (which has only the old javax
 * {@code StaplerRequest}); that split package exists on this module's compile class path only.
 */
public interface StaplerRequest2 extends HttpServletRequest {
    /** The part of the URL that Stapler has not dispatched yet, e.g. {@code /validation.html}. */
    String getRestOfPath();
}
