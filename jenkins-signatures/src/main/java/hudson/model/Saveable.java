package hudson.model;

import java.io.IOException;

/** Compile-only signature of the real {@code hudson.model.Saveable} at Jenkins 2.479.3 (see the module README). */
public interface Saveable {
    void save() throws IOException;
}
