package io.jenkins.plugins.checks.api;

/**
 * Compile-only signature of the real {@code io.jenkins.plugins.checks.api.ChecksPublisher} of the <b>checks-api
 * plugin</b> (see the module README): {@code public abstract class ChecksPublisher}, one per SCM platform (a
 * {@code NullChecksPublisher} where none applies).
 */
public abstract class ChecksPublisher {
    public abstract void publish(ChecksDetails details);
}
