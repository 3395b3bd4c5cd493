package io.jenkins.plugins.mlops.model;

/** The trained function inside a model package, independent of the library that trained it. */
public interface Network extends AutoCloseable {
    /** One output row per input row. Must be safe to call from several threads. */
    float[][] output(float[][] inputs);

    @Override
    default void close() {
    }
}
