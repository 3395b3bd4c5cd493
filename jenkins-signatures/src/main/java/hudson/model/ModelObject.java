package hudson.model;

/** Compile-only signature of the real {@code hudson.model.ModelObject} at Jenkins 2.479.3 (see the module README). */
public interface ModelObject {
    String getDisplayName();
}
