package hudson.model;

import hudson.EnvVars;

/** Real: {@code public interface EnvironmentSpecific<T extends EnvironmentSpecific<T>>}. */
public interface EnvironmentSpecific<T extends EnvironmentSpecific<T>> {
    T forEnvironment(EnvVars environment);
}
