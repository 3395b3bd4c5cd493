package io.jenkins.plugins.checks.api;

/**
 * Compile-only signature of the real {@code io.jenkins.plugins.checks.api.ChecksDetails} of the <b>checks-api
 * plugin</b> (see the module README): {@code public class ChecksDetails} with a private constructor, made by its
 * nested {@code public static class ChecksDetailsBuilder}; only the builder's methods the plugin calls.
 */
public class ChecksDetails {
    private ChecksDetails() {
    }

    public static class ChecksDetailsBuilder {
        public ChecksDetailsBuilder() {
            throw new UnsupportedOperationException("signature only");
        }

        public ChecksDetailsBuilder withName(final String name) {
            throw new UnsupportedOperationException("signature only");
        }

        public ChecksDetailsBuilder withStatus(final ChecksStatus status) {
            throw new UnsupportedOperationException("signature only");
        }

        public ChecksDetailsBuilder withConclusion(final ChecksConclusion conclusion) {
            throw new UnsupportedOperationException("signature only");
        }

        public ChecksDetailsBuilder withDetailsURL(final String detailsURL) {
            throw new UnsupportedOperationException("signature only");
        }

        public ChecksDetailsBuilder withOutput(final ChecksOutput output) {
            throw new UnsupportedOperationException("signature only");
        }

        public ChecksDetails build() {
            throw new UnsupportedOperationException("signature only");
        }
    }
}
