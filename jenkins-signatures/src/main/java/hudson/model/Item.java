package hudson.model;

import hudson.security.AccessControlled;
import hudson.security.Permission;

/**
 * Compile-only signature of the real {@code hudson.model.Item} at Jenkins 2.479.3 (see the module README).
 * Real: {@code public interface Item extends PersistenceRoot, SearchableModelObject, AccessControlled, OnMaster};
 * only {@link AccessControlled} is declared. Constants are initialised to {@code null} (rule 3), so callers
 * compile a {@code getstatic} of the real field.
 */
public interface Item extends AccessControlled {
    Permission READ = null;

    Permission BUILD = null;

    String getFullName();
}
