package jenkins.util.io;

/** Compile-only signature of the real {@code jenkins.util.io.OnMaster} at Jenkins 2.479.3 (see the module README). */
public interface OnMaster {
}
