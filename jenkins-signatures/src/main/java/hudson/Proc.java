package hudson;

import java.io.IOException;

/** Compile-only signature of the real {@code hudson.Proc} at Jenkins 2.479.3 (see the module README). */
public abstract class Proc {
    protected Proc() {
        throw new UnsupportedOperationException("signature only");
    }

    public abstract boolean isAlive() throws IOException, InterruptedException;

    public abstract void kill() throws IOException, InterruptedException;

    public abstract int join() throws IOException, InterruptedException;
}
