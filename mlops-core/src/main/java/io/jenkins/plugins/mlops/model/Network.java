package io.jenkins.plugins.mlops.model;

/** The trained function inside a model package, independent of the library that trained it. */
public interface Network extends AutoCloseable {
    /** One output row per input row. Must be safe to call from several threads. */
    float[][] output(float[][] inputs);

    /**
     * Whether a call costs much more than the rows in it (a native library's per-call overhead):
     * then concurrent requests are worth joining into one call.
     */
    default boolean hasCallOverhead() {
        return false;
    }

    @Override
    default void close() {
    }
}
