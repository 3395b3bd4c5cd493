package jenkins.util;

import edu.umd.cs.findbugs.annotations.NonNull;
import java.util.concurrent.ScheduledExecutorService;

/** Compile-only signature of the real {@code jenkins.util.Timer} at Jenkins 2.479.3 (see the module README). */
public class Timer {
    /** Real: {@code private Timer() {}}. */
    private Timer() {
        throw new UnsupportedOperationException("signature only");
    }

    @NonNull
    public static synchronized ScheduledExecutorService get() {
        throw new UnsupportedOperationException("signature only");
    }
}
