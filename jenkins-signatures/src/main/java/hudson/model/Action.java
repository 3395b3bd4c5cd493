package hudson.model;

import edu.umd.cs.findbugs.annotations.CheckForNull;

/** Compile-only signature of the real {@code hudson.model.Action} at Jenkins 2.479.3 (see the module README). */
public interface Action extends ModelObject {
    @CheckForNull
    String getIconFileName();

    @Override
    @CheckForNull
    String getDisplayName();

    @CheckForNull
    String getUrlName();
}
