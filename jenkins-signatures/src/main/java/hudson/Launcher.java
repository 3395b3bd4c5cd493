package hudson;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.model.TaskListener;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;

/**
 * Compile-only signature of the real {@code hudson.Launcher} at Jenkins 2.479.3 (see the module README).
 * {@link ProcStarter} is a non-static inner class, as in the real one (binary name {@code
 * hudson.Launcher$ProcStarter}).
 */
public abstract class Launcher {
    /** The real decorator constructor; declared so that javac adds no public no-argument constructor. */
    protected Launcher(@NonNull Launcher launcher) {
        throw new UnsupportedOperationException("signature only");
    }

    @NonNull
    public final ProcStarter launch() {
        throw new UnsupportedOperationException("signature only");
    }

    public boolean isUnix() {
        throw new UnsupportedOperationException("signature only");
    }

    /** Compile-only signature of the real {@code hudson.Launcher.ProcStarter} at Jenkins 2.479.3. */
    public final class ProcStarter {
        public ProcStarter cmds(List<String> args) {
            throw new UnsupportedOperationException("signature only");
        }

        public ProcStarter pwd(@CheckForNull FilePath workDir) {
            throw new UnsupportedOperationException("signature only");
        }

        public ProcStarter envs(@NonNull Map<String, String> overrides) {
            throw new UnsupportedOperationException("signature only");
        }

        public ProcStarter stdout(@CheckForNull OutputStream out) {
            throw new UnsupportedOperationException("signature only");
        }

        public ProcStarter stdout(@NonNull TaskListener out) {
            throw new UnsupportedOperationException("signature only");
        }

        public ProcStarter stderr(@CheckForNull OutputStream err) {
            throw new UnsupportedOperationException("signature only");
        }

        public ProcStarter quiet(boolean quiet) {
            throw new UnsupportedOperationException("signature only");
        }

        public Proc start() throws IOException {
            throw new UnsupportedOperationException("signature only");
        }

        public int join() throws IOException, InterruptedException {
            throw new UnsupportedOperationException("signature only");
        }
    }
}
