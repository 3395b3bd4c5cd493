package io.jenkins.plugins.mlops.cli;

import io.jenkins.plugins.mlops.contract.InvalidInputException;
import io.jenkins.plugins.mlops.contract.StepResult;
import io.jenkins.plugins.mlops.registry.ModelRef;
import io.jenkins.plugins.mlops.serving.DeployStep;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "deploy", mixinStandardHelpOptions = true,
        description = "Ask a running model server (its admin API) to load a registered model. The token comes from"
                + " MLOPS_ADMIN_TOKEN or --token-file, never from the command line.")
final class DeployCommand extends StepCommand {
    @Option(names = "--server", paramLabel = "URL", defaultValue = "${env:MLOPS_SERVER}",
            description = "e.g. http://127.0.0.1:8080 (default: $MLOPS_SERVER).")
    String server;

    @Option(names = "--model", required = true, paramLabel = "REF", description = "NAME[@VERSION|@ALIAS]")
    String model;

    @Mixin
    TokenFileOption tokenFile;

    @Option(names = "--strategy", defaultValue = "direct", paramLabel = "STRATEGY",
            description = "direct (swap), blue-green (swap after a health probe, old version kept warm), canary (a share"
                    + " of requests) or shadow (mirrored, never answers). Default ${DEFAULT-VALUE}.")
    String strategy;

    @Option(names = "--weight", defaultValue = "0.1", paramLabel = "SHARE",
            description = "The canary's share of requests, 0..1 (default ${DEFAULT-VALUE}).")
    double weight;

    @Option(names = "--promote", description = "Instead of deploying: make the canary or shadow of --model (a NAME)"
            + " the primary.")
    boolean promote;

    @Option(names = "--rollback", description = "Instead of deploying: drop the canary and shadow of --model (a NAME),"
            + " or bring back its previous primary.")
    boolean rollback;

    @Override
    StepResult runStep(Path out) {
        ModelRef.parse(model);
        if (server == null || server.isBlank()) {
            throw new InvalidInputException("no model server: pass --server URL or set MLOPS_SERVER");
        }
        URI uri;
        try {
            uri = new URI(server);
        } catch (URISyntaxException e) {
            throw new InvalidInputException("invalid --server URL '" + server + "': " + e.getReason());
        }
        if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme()) || uri.getHost() == null) {
            throw new InvalidInputException("invalid --server URL '" + server + "': expected http(s)://HOST:PORT");
        }
        if (promote && rollback) {
            throw new InvalidInputException("--promote and --rollback exclude each other");
        }
        if (promote || rollback) {
            return DeployStep.route(uri, ModelRef.parse(model).name(), promote ? "promote" : "rollback",
                    tokenFile.token(), out);
        }
        if (!DeployStep.STRATEGIES.contains(strategy)) {
            throw new InvalidInputException("--strategy must be one of " + DeployStep.STRATEGIES + " (got " + strategy + ")");
        }
        return DeployStep.run(uri, model, strategy, weight, tokenFile.token(), out);
    }
}
