package io.jenkins.plugins.mlops.cli;

import io.jenkins.plugins.mlops.contract.InvalidInputException;
import io.jenkins.plugins.mlops.contract.StepResult;
import io.jenkins.plugins.mlops.registry.ModelRef;
import io.jenkins.plugins.mlops.serving.DeployStep;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "deploy", mixinStandardHelpOptions = true,
        description = "Ask a running model server (its admin API) to load a registered model. The token comes from"
                + " MLOPS_ADMIN_TOKEN or --token-file, never from the command line.")
final class DeployCommand extends StepCommand {
    @Option(names = "--server", required = true, paramLabel = "URL", description = "e.g. http://127.0.0.1:8080")
    String server;

    @Option(names = "--model", required = true, paramLabel = "REF", description = "NAME[@VERSION|@ALIAS]")
    String model;

    @Option(names = "--token-file", paramLabel = "FILE", description = "File holding the admin token.")
    Path tokenFile;

    @Override
    StepResult runStep(Path out) {
        ModelRef.parse(model);
        URI uri;
        try {
            uri = new URI(server);
        } catch (URISyntaxException e) {
            throw new InvalidInputException("invalid --server URL '" + server + "': " + e.getReason());
        }
        if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme()) || uri.getHost() == null) {
            throw new InvalidInputException("invalid --server URL '" + server + "': expected http(s)://HOST:PORT");
        }
        return DeployStep.run(uri, model, AdminToken.read(tokenFile), out);
    }
}
