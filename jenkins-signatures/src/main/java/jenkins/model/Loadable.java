package jenkins.model;

import java.io.IOException;

/** Compile-only signature of the real {@code jenkins.model.Loadable} at Jenkins 2.479.3 (see the module README). */
public interface Loadable {
    void load() throws IOException;
}
