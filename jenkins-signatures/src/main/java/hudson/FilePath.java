package hudson;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import org.jenkinsci.remoting.SerializableOnlyOverRemoting;

/** Compile-only signature of the real {@code hudson.FilePath} at Jenkins 2.479.3 (see the module README). */
public final class FilePath implements SerializableOnlyOverRemoting {
    private static final long serialVersionUID = 1L;

    public FilePath(@NonNull File localPath) {
        throw new UnsupportedOperationException("signature only");
    }

    public String getRemote() {
        throw new UnsupportedOperationException("signature only");
    }

    public String getName() {
        throw new UnsupportedOperationException("signature only");
    }

    public @NonNull FilePath child(String relOrAbsolute) {
        throw new UnsupportedOperationException("signature only");
    }

    public boolean exists() throws IOException, InterruptedException {
        throw new UnsupportedOperationException("signature only");
    }

    public boolean isDirectory() throws IOException, InterruptedException {
        throw new UnsupportedOperationException("signature only");
    }

    /** The files matching an Ant glob, e.g. {@code *-junit.xml}. */
    public FilePath[] list(final String includes) throws IOException, InterruptedException {
        throw new UnsupportedOperationException("signature only");
    }

    public void mkdirs() throws IOException, InterruptedException {
        throw new UnsupportedOperationException("signature only");
    }

    public void deleteRecursive() throws IOException, InterruptedException {
        throw new UnsupportedOperationException("signature only");
    }

    public void copyFrom(InputStream in) throws IOException, InterruptedException {
        throw new UnsupportedOperationException("signature only");
    }

    public InputStream read() throws IOException, InterruptedException {
        throw new UnsupportedOperationException("signature only");
    }

    public String readToString() throws IOException, InterruptedException {
        throw new UnsupportedOperationException("signature only");
    }

    public int copyRecursiveTo(FilePath target) throws IOException, InterruptedException {
        throw new UnsupportedOperationException("signature only");
    }

    public @CheckForNull FilePath getParent() {
        throw new UnsupportedOperationException("signature only");
    }

    public @CheckForNull hudson.model.Computer toComputer() {
        throw new UnsupportedOperationException("signature only");
    }

    public Launcher createLauncher(hudson.model.TaskListener listener) throws IOException, InterruptedException {
        throw new UnsupportedOperationException("signature only");
    }

    public void write(final String content, final String encoding) throws IOException, InterruptedException {
        throw new UnsupportedOperationException("signature only");
    }

    public void copyTo(FilePath target) throws IOException, InterruptedException {
        throw new UnsupportedOperationException("signature only");
    }

    public void chmod(final int mask) throws IOException, InterruptedException {
        throw new UnsupportedOperationException("signature only");
    }

    public void renameTo(final FilePath target) throws IOException, InterruptedException {
        throw new UnsupportedOperationException("signature only");
    }

    public boolean delete() throws IOException, InterruptedException {
        throw new UnsupportedOperationException("signature only");
    }
}
