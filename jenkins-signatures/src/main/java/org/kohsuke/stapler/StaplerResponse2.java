package org.kohsuke.stapler;

import jakarta.servlet.http.HttpServletResponse;

/**
 * Compile-only signature of the real {@code org.kohsuke.stapler.StaplerResponse2} (Stapler, shipped with Jenkins since
 * 2.475; see the module README). The real interface extends the Jakarta EE 9 {@link HttpServletResponse} and adds
 * Stapler's own methods ({@code forward(..)}, {@code sendRedirect2(..)}, {@code serveFile(..)} ...), none of which is
 * declared here.
 */
public interface StaplerResponse2 extends HttpServletResponse {}
