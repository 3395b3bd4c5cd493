package io.jenkins.plugins.checks.api;

import hudson.ExtensionPoint;
import hudson.model.Run;
import hudson.model.TaskListener;

/**
 * Compile-only signature of the real {@code io.jenkins.plugins.checks.api.ChecksPublisherFactory} of the
 * <b>checks-api plugin</b> (see the module README): {@code public abstract class ChecksPublisherFactory implements
 * ExtensionPoint}; only the static lookup is used.
 */
public abstract class ChecksPublisherFactory implements ExtensionPoint {
    /** The publisher of the first factory that applies to the run's SCM, else a null publisher. */
    public static ChecksPublisher fromRun(final Run<?, ?> run, final TaskListener listener) {
        throw new UnsupportedOperationException("signature only");
    }
}
