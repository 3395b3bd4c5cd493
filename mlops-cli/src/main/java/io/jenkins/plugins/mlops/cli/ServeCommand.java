package io.jenkins.plugins.mlops.cli;

import io.jenkins.plugins.mlops.contract.InvalidInputException;
import io.jenkins.plugins.mlops.model.PackagedModel;
import io.jenkins.plugins.mlops.registry.ModelRef;
import io.jenkins.plugins.mlops.registry.ModelVersion;
import io.jenkins.plugins.mlops.registry.Registry;
import io.jenkins.plugins.mlops.serving.ModelServer;
import io.jenkins.plugins.mlops.serving.ServerConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Serve registered models over the Open Inference Protocol V2 (REST). The admin API"
                + " (POST /admin/deploy) is on only when MLOPS_ADMIN_TOKEN or --token-file gives a token.")
final class ServeCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--model", paramLabel = "REF", description = "NAME[@VERSION|@ALIAS] to load at start; repeatable.")
    List<String> refs = List.of();

    @Option(names = "--port", defaultValue = "8080", description = "Port (0 = any free port; default ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--host", defaultValue = "127.0.0.1", description = "Address to bind (default ${DEFAULT-VALUE}).")
    String host;

    @Mixin
    RegistryLocation location;

    @Option(names = "--log-dir", paramLabel = "DIR", defaultValue = "mlops-serving-log",
            description = "Where predictions.jsonl is written (default ${DEFAULT-VALUE}).")
    Path logDir;

    @Mixin
    TokenFileOption tokenFile;

    @Option(names = "--tls-keystore", paramLabel = "FILE", description = "Serve HTTPS with this PKCS#12 keystore; its"
            + " password comes from $MLOPS_TLS_PASSWORD or --tls-password-file.")
    Path tlsKeystore;

    @Option(names = "--tls-password-file", paramLabel = "FILE", description = "File holding the keystore password.")
    Path tlsPasswordFile;

    @Override
    public Integer call() throws Exception {
        Registry registry = location.registry();
        String tlsPassword = null;
        if (tlsKeystore != null) {
            if (!Files.isRegularFile(tlsKeystore)) {
                throw InvalidInputException.in(tlsKeystore, "no such keystore");
            }
            tlsPassword = tlsPasswordFile != null ? Files.readString(tlsPasswordFile).trim()
                    : System.getenv("MLOPS_TLS_PASSWORD");
            if (tlsPassword == null) {
                throw new InvalidInputException("--tls-keystore needs a password:"
                        + " set MLOPS_TLS_PASSWORD or pass --tls-password-file");
            }
        }
        ServerConfig config = new ServerConfig(host, port, tokenFile.token(), registry, logDir,
                ServerConfig.DEFAULT_MAX_REQUEST_BYTES, ServerConfig.DEFAULT_MAX_ROWS, tlsKeystore, tlsPassword);
        ModelServer server = new ModelServer(config);
        for (String ref : refs) {
            ModelVersion v = registry.resolve(ModelRef.parse(ref));
            server.deploy(v.name(), String.valueOf(v.version()), PackagedModel.load(registry.packageDir(v)));
        }
        server.start();
        spec.commandLine().getOut().println("serving on " + server.url() + " (" + config + ")");
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                server.close();
            } catch (Exception e) {
                // shutting down anyway
            }
        }));
        server.join();
        return 0;
    }
}
