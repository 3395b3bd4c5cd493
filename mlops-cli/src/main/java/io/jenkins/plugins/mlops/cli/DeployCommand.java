package io.jenkins.plugins.mlops.cli;

import io.jenkins.plugins.mlops.serving.DeploySpec;
import io.jenkins.plugins.mlops.contract.InvalidInputException;
import io.jenkins.plugins.mlops.registry.ModelRef;
import java.net.URI;
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
    DeploySpec spec() {
        ModelRef.parse(model);
        URI uri = DeploySpec.serverUrl(server);
        if (promote && rollback) {
            throw new InvalidInputException("--promote and --rollback exclude each other");
        }
        return new DeploySpec(uri, model, strategy, weight, promote ? "promote" : rollback ? "rollback" : "deploy",
                tokenFile.file);
    }
}
