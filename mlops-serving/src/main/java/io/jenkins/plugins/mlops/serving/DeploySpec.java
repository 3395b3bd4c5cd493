package io.jenkins.plugins.mlops.serving;

import io.jenkins.plugins.mlops.contract.InvalidInputException;
import io.jenkins.plugins.mlops.registry.ModelRef;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;

/**
 * A call of a model server's admin API, checked before the server is called. The admin token is
 * never part of it: it comes from {@code tokenFile} or {@code $MLOPS_ADMIN_TOKEN} when the call is made.
 *
 * @param model {@code NAME[@VERSION|@ALIAS]} to deploy; for promote and rollback, its name is used
 * @param strategy one of {@link DeploymentStrategy#names()} (deploy only)
 * @param weight the canary's share of requests (strategy canary)
 * @param action {@code deploy}, or {@code promote} / {@code rollback} of the model's canary or shadow
 * @param tokenFile the file holding the admin token; null: {@code $MLOPS_ADMIN_TOKEN}
 */
public record DeploySpec(URI server, String model, String strategy, double weight, String action, Path tokenFile) {
    /** What {@code action} may be. */
    public static final List<String> ACTIONS = List.of("deploy", "promote", "rollback");

    public DeploySpec {
        ModelRef.parse(model);
        if (server == null || !"http".equals(server.getScheme()) && !"https".equals(server.getScheme())
                || server.getHost() == null) {
            throw new InvalidInputException("invalid --server URL '" + server + "': expected http(s)://HOST:PORT");
        }
        if (!ACTIONS.contains(action)) {
            throw new InvalidInputException("the admin action must be one of " + ACTIONS + " (got " + action + ")");
        }
        if (!DeploymentStrategy.names().contains(strategy)) {
            throw new InvalidInputException("--strategy must be one of " + DeploymentStrategy.names() + " (got " + strategy
                    + ")");
        }
    }

    public static DeploySpec deploy(URI server, String model, String strategy, double weight, Path tokenFile) {
        return new DeploySpec(server, model, strategy, weight, "deploy", tokenFile);
    }

    /** Promotes the canary or shadow of the named model, or rolls back its route. */
    public static DeploySpec route(URI server, String model, String action, Path tokenFile) {
        return new DeploySpec(server, model, "direct", 0, action, tokenFile);
    }

    /** A server URL as a user types it: {@code http(s)://HOST:PORT}. */
    public static URI serverUrl(String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidInputException("no model server: pass --server URL or set MLOPS_SERVER");
        }
        try {
            return new URI(text);
        } catch (URISyntaxException e) {
            throw new InvalidInputException("invalid --server URL '" + text + "': " + e.getReason());
        }
    }
}
