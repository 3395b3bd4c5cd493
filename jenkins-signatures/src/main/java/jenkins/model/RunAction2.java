package jenkins.model;

import hudson.model.Action;
import hudson.model.Run;

/** Compile-only signature of the real {@code jenkins.model.RunAction2} at Jenkins 2.479.3 (see the module README). */
public interface RunAction2 extends Action {
    void onAttached(Run<?, ?> r);

    void onLoad(Run<?, ?> r);
}
