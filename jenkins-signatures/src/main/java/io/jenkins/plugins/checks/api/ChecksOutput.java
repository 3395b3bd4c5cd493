package io.jenkins.plugins.checks.api;

/**
 * Compile-only signature of the real {@code io.jenkins.plugins.checks.api.ChecksOutput} of the <b>checks-api
 * plugin</b> (see the module README): {@code public class ChecksOutput}, made by its nested {@code public static
 * class ChecksOutputBuilder}; summary and text are Markdown (GitHub renders them).
 */
public class ChecksOutput {
    private ChecksOutput() {
    }

    public static class ChecksOutputBuilder {
        public ChecksOutputBuilder() {
            throw new UnsupportedOperationException("signature only");
        }

        public ChecksOutputBuilder withTitle(final String title) {
            throw new UnsupportedOperationException("signature only");
        }

        public ChecksOutputBuilder withSummary(final String summary) {
            throw new UnsupportedOperationException("signature only");
        }

        public ChecksOutputBuilder withText(final String text) {
            throw new UnsupportedOperationException("signature only");
        }

        public ChecksOutput build() {
            throw new UnsupportedOperationException("signature only");
        }
    }
}
