package io.jenkins.plugins.mlops.stage;

import io.jenkins.plugins.mlops.contract.InvalidInputException;
import io.jenkins.plugins.mlops.contract.Stage;
import java.util.EnumMap;
import java.util.Map;
import java.util.ServiceLoader;

/**
 * The executors of the stages, one per {@link Stage}, as the modules on the class path list them
 * ({@code META-INF/services/io.jenkins.plugins.mlops.stage.StageExecutor}). With {@link Stage}'s
 * names, this is the catalogue: a stage's name, its spec type and its executor.
 */
public final class StageCatalogue {
    private StageCatalogue() {
    }

    /** The executors found, by stage; a stage whose module is not on the class path has none. */
    @SuppressWarnings("rawtypes")
    public static Map<Stage, StageExecutor<?>> executors() {
        Map<Stage, StageExecutor<?>> all = new EnumMap<>(Stage.class);
        for (StageExecutor executor : ServiceLoader.load(StageExecutor.class, StageCatalogue.class.getClassLoader())) {
            StageExecutor<?> earlier = all.put(executor.stage(), executor);
            if (earlier != null) {
                throw new IllegalStateException("two executors for the stage " + executor.stage() + ": "
                        + earlier.getClass().getName() + " and " + executor.getClass().getName());
            }
        }
        return all;
    }

    public static StageExecutor<?> executor(Stage stage) {
        StageExecutor<?> executor = executors().get(stage);
        if (executor == null) {
            throw new InvalidInputException("the stage " + stage.result() + " is not part of this engine");
        }
        return executor;
    }

    @SuppressWarnings("unchecked")
    static <S extends Record> StageExecutor<S> executorFor(S spec) {
        for (StageExecutor<?> executor : executors().values()) {
            if (executor.specType().equals(spec.getClass())) {
                return (StageExecutor<S>) executor;
            }
        }
        throw new IllegalArgumentException("no stage takes a " + spec.getClass().getSimpleName());
    }
}
