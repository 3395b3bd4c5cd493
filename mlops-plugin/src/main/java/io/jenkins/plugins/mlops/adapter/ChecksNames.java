package io.jenkins.plugins.mlops.adapter;

/**
 * The name of the check a step publishes (GitHub, GitLab, Bitbucket show it on the change request):
 * the enclosing {@code withChecks}' name, as junit and warnings-ng honour it, else the step's own.
 */
public final class ChecksNames {
    private ChecksNames() {
    }

    /** @param withChecks the name of the enclosing {@code withChecks('…')}, or null outside one */
    public static String of(String withChecks, String resultName) {
        return withChecks != null && !withChecks.isBlank() ? withChecks : "mlops " + resultName;
    }
}
