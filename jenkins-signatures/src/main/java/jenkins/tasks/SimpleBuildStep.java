package jenkins.tasks;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.EnvVars;
import hudson.FilePath;
import hudson.Launcher;
import hudson.model.Action;
import hudson.model.Run;
import hudson.model.TaskListener;
import java.io.IOException;
import java.util.Collection;

/**
 * Compile-only signature of the real {@code jenkins.tasks.SimpleBuildStep} at Jenkins 2.479.3 (see the module
 * README). Real: {@code public interface SimpleBuildStep extends BuildStep}; {@code BuildStep} is left out.
 * Since the workspace-less overloads were added (2020), <em>all</em> {@code perform} overloads are default methods;
 * the 4-argument one is {@code @Deprecated} and delegates to the 5-argument one with {@code run.getEnvironment(listener)}.
 * {@code perform(Run, EnvVars, TaskListener)} and {@code requiresWorkspace()} are left out.
 */
public interface SimpleBuildStep {
    @Deprecated
    default void perform(@NonNull Run<?, ?> run, @NonNull FilePath workspace, @NonNull Launcher launcher,
            @NonNull TaskListener listener) throws InterruptedException, IOException {
        throw new UnsupportedOperationException("signature only");
    }

    default void perform(@NonNull Run<?, ?> run, @NonNull FilePath workspace, @NonNull EnvVars env,
            @NonNull Launcher launcher, @NonNull TaskListener listener) throws InterruptedException, IOException {
        throw new UnsupportedOperationException("signature only");
    }

    /** Binary name {@code jenkins.tasks.SimpleBuildStep$LastBuildAction}. */
    interface LastBuildAction extends Action {
        Collection<? extends Action> getProjectActions();
    }
}
