package io.jenkins.plugins.mlops.cli;

import java.nio.file.Path;
import io.jenkins.plugins.mlops.serving.AdminToken;
import picocli.CommandLine.Option;

/** The {@code --token-file FILE} option of the commands that use the server's admin API. */
final class TokenFileOption {
    @Option(names = "--token-file", paramLabel = "FILE",
            description = "File holding the admin token (default: $MLOPS_ADMIN_TOKEN).")
    Path file;

    /** {@code null} when neither the file nor the environment gives one. */
    String token() {
        return AdminToken.read(file);
    }
}
