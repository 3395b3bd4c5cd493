package hudson.model;

import hudson.FilePath;
import jakarta.servlet.ServletException;
import java.io.IOException;
import org.kohsuke.stapler.StaplerRequest2;
import org.kohsuke.stapler.StaplerResponse2;

/**
 * Compile-only signature of the real {@code hudson.model.DirectoryBrowserSupport} at Jenkins 2.479.3 (see the module
 * README). Serves a directory tree (for example an HTML report) under a URL, adding Jenkins' Content-Security-Policy
 * header to served files.
 *
 * <p>The real class is {@code public final class DirectoryBrowserSupport implements org.kohsuke.stapler.HttpResponse}.
 * {@code HttpResponse} is left out: the only {@code HttpResponse} on this module's class path is stapler 1.263's
 * javax one, which is not the type Jenkins 2.479.3 has. Leaving it out can only make code not compile (a
 * {@code DirectoryBrowserSupport} cannot be used as an {@code HttpResponse}), never make compiled code fail to link.
 */
public final class DirectoryBrowserSupport {
    /**
     * @param icon used only by the directory-listing view; core passes an image name such as {@code "package.png"},
     *     htmlpublisher a symbol name ({@code "symbol-document-text"}).
     * @param serveDirIndex {@code true} to render a directory listing, {@code false} to serve {@code index.html}.
     */
    public DirectoryBrowserSupport(ModelObject owner, FilePath base, String title, String icon, boolean serveDirIndex) {
        throw new UnsupportedOperationException("signature only");
    }

    /** The Jakarta EE 9 variant; {@link ServletException} is {@code jakarta.servlet.ServletException}. */
    public void generateResponse(StaplerRequest2 req, StaplerResponse2 rsp, Object node)
            throws IOException, ServletException {
        throw new UnsupportedOperationException("signature only");
    }
}
