package hudson;

import java.util.Map;
import java.util.TreeMap;

/** Compile-only signature of the real {@code hudson.EnvVars} at Jenkins 2.479.3 (see the module README). */
public class EnvVars extends TreeMap<String, String> {
    public EnvVars() {
        throw new UnsupportedOperationException("signature only");
    }

    public EnvVars(Map<String, String> m) {
        throw new UnsupportedOperationException("signature only");
    }

    public String expand(String s) {
        throw new UnsupportedOperationException("signature only");
    }
}
