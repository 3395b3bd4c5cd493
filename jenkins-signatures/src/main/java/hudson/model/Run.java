package hudson.model;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.EnvVars;
import hudson.ExtensionPoint;
import hudson.security.AccessControlled;
import hudson.security.Permission;
import java.io.File;
import java.io.IOException;

/**
 * Compile-only signature of the real {@code hudson.model.Run} at Jenkins 2.479.3 (see the module README).
 * The type-parameter bounds are the real ones, so {@link #getParent()} erases to {@link Job} and
 * {@link #getPreviousBuild()} to {@link Run}. Of the real interfaces only {@link ExtensionPoint} is declared.
 */
public abstract class Run<JobT extends Job<JobT, RunT>, RunT extends Run<JobT, RunT>> extends Actionable
        implements ExtensionPoint, AccessControlled {
    /** Enabled only with {@code -Dhudson.security.ArtifactsPermission=true} ({@code Functions.isArtifactsPermissionEnabled}). */
    public static final Permission ARTIFACTS = null;

    protected Run(@NonNull JobT job) throws IOException {
        throw new UnsupportedOperationException("signature only");
    }

    @Override
    public void addAction(@NonNull Action a) {
        throw new UnsupportedOperationException("signature only");
    }

    public @CheckForNull Result getResult() {
        throw new UnsupportedOperationException("signature only");
    }

    public void setResult(@NonNull Result r) {
        throw new UnsupportedOperationException("signature only");
    }

    public @NonNull JobT getParent() {
        throw new UnsupportedOperationException("signature only");
    }

    public int getNumber() {
        throw new UnsupportedOperationException("signature only");
    }

    public @CheckForNull RunT getPreviousBuild() {
        throw new UnsupportedOperationException("signature only");
    }

    public @NonNull String getUrl() {
        throw new UnsupportedOperationException("signature only");
    }

    public @NonNull File getRootDir() {
        throw new UnsupportedOperationException("signature only");
    }

    public @CheckForNull <T extends Cause> T getCause(Class<T> type) {
        throw new UnsupportedOperationException("signature only");
    }

    public final long getTimeInMillis() {
        throw new UnsupportedOperationException("signature only");
    }

    public String getDisplayName() {
        throw new UnsupportedOperationException("signature only");
    }

    /** Real: {@code @Override public synchronized void save() throws IOException} (overrides {@code Saveable.save()}). */
    public synchronized void save() throws IOException {
        throw new UnsupportedOperationException("signature only");
    }

    public @NonNull EnvVars getEnvironment(@NonNull TaskListener listener) throws IOException, InterruptedException {
        throw new UnsupportedOperationException("signature only");
    }

    /** {@code job/full/name#number}. */
    public @NonNull String getExternalizableId() {
        throw new UnsupportedOperationException("signature only");
    }
}
