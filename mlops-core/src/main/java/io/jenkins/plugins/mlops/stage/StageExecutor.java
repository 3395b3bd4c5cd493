package io.jenkins.plugins.mlops.stage;

import io.jenkins.plugins.mlops.contract.Stage;

/**
 * The work of one Level 2 stage: from a validated spec to its output, in memory. An executor writes
 * no output file ({@link StageRunner} does, for every stage alike); the effects that are the stage's
 * purpose happen here (a registry version, an audit entry, a deployment on a server).
 *
 * <p>Each executor is listed in {@code META-INF/services} of its module, so the catalogue
 * ({@link StageCatalogue}) finds one per {@link Stage}.
 *
 * @param <S> the spec: a record of plain values (paths, names, numbers, nested records) that JSON
 *     writes and reads back, checked when it is built
 */
public abstract class StageExecutor<S extends Record> {
    private final Stage stage;
    private final Class<S> specType;

    protected StageExecutor(Stage stage, Class<S> specType) {
        this.stage = stage;
        this.specType = specType;
    }

    public final Stage stage() {
        return stage;
    }

    public final Class<S> specType() {
        return specType;
    }

    /** Reads the spec's inputs and computes; throws {@code InvalidInputException} before any effect. */
    public abstract StageOutput execute(S spec);
}
