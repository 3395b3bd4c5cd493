package hudson;

/** Compile-only signature of the real {@code hudson.ExtensionPoint} at Jenkins 2.479.3 (see the module README). */
public interface ExtensionPoint {
}
