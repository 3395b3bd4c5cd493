package hudson;

import edu.umd.cs.findbugs.annotations.NonNull;
import java.util.AbstractList;
import jenkins.model.Jenkins;

/**
 * Compile-only signature of the real {@code hudson.ExtensionList} at Jenkins 2.479.3 (see the module README).
 * Real: {@code public class ExtensionList<T> extends AbstractList<T> implements OnMaster}; {@code OnMaster} left out.
 */
public class ExtensionList<T> extends AbstractList<T> {
    protected ExtensionList(Jenkins jenkins, Class<T> extensionType) {
        throw new UnsupportedOperationException("signature only");
    }

    @Override
    public T get(int index) {
        throw new UnsupportedOperationException("signature only");
    }

    @Override
    public int size() {
        throw new UnsupportedOperationException("signature only");
    }

    public static @NonNull <U> U lookupSingleton(Class<U> type) {
        throw new UnsupportedOperationException("signature only");
    }
}
