package hudson.model;

import edu.umd.cs.findbugs.annotations.NonNull;
import edu.umd.cs.findbugs.annotations.Nullable;
import java.util.List;

/**
 * Compile-only signature of the real {@code hudson.model.Actionable} at Jenkins 2.479.3 (see the module README).
 * The real superclass ({@code AbstractModelObject}) and interface ({@code ModelObjectWithContextMenu}) are left out.
 */
public abstract class Actionable {
    public <T extends Action> T getAction(Class<T> type) {
        throw new UnsupportedOperationException("signature only");
    }

    @NonNull
    public <T extends Action> List<T> getActions(Class<T> type) {
        throw new UnsupportedOperationException("signature only");
    }

    public boolean removeAction(@Nullable Action a) {
        throw new UnsupportedOperationException("signature only");
    }

    public void addAction(@NonNull Action a) {
        throw new UnsupportedOperationException("signature only");
    }

    public boolean addOrReplaceAction(@NonNull Action a) {
        throw new UnsupportedOperationException("signature only");
    }
}
