package org.kohsuke.stapler;

import edu.umd.cs.findbugs.annotations.NonNull;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URL;

/**
 * Compile-only signature of the real {@code org.kohsuke.stapler.StaplerResponse2} (Stapler, shipped with Jenkins since
 * 2.475; see the module README). The real interface extends the Jakarta EE 9 {@link HttpServletResponse} and adds
 * Stapler's own methods, of which only those the plugin calls are declared here.
 */
public interface StaplerResponse2 extends HttpServletResponse {
    /** Redirects to a URL relative to the current request (Stapler resolves it, unlike {@code sendRedirect}). */
    void sendRedirect2(@NonNull String url) throws IOException;

    /** Serves a static resource with its content type, length and caching headers. */
    void serveFile(StaplerRequest2 req, URL res) throws ServletException, IOException;
}
