package io.jenkins.plugins.checks.steps;

import java.io.Serializable;

/**
 * Compile-only signature of the real {@code io.jenkins.plugins.checks.steps.ChecksInfo} of the <b>checks-api
 * plugin</b> (see the module README): {@code public class ChecksInfo implements Serializable}, what
 * {@code withChecks('NAME') { … }} puts in its body's context. Newer releases add a details URL; only the name
 * is used.
 */
public class ChecksInfo implements Serializable {
    private static final long serialVersionUID = 1L;

    public ChecksInfo(final String name) {
        throw new UnsupportedOperationException("signature only");
    }

    public String getName() {
        throw new UnsupportedOperationException("signature only");
    }
}
