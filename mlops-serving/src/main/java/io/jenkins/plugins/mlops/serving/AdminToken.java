package io.jenkins.plugins.mlops.serving;

import io.jenkins.plugins.mlops.contract.InvalidInputException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** The admin token, from a file or $MLOPS_ADMIN_TOKEN; never from the command line (it would show in ps). */
public final class AdminToken {
    public static final String ENV = "MLOPS_ADMIN_TOKEN";

    private AdminToken() {
    }

    /** {@code null} when neither is set. */
    public static String read(Path tokenFile) {
        if (tokenFile != null) {
            try {
                String token = Files.readString(tokenFile, StandardCharsets.UTF_8).trim();
                if (token.isEmpty()) {
                    throw InvalidInputException.in(tokenFile, "token file is empty");
                }
                return token;
            } catch (IOException e) {
                throw InvalidInputException.in(tokenFile, "cannot read token file: " + e.getClass().getSimpleName());
            }
        }
        String env = System.getenv(ENV);
        return env == null || env.isBlank() ? null : env.trim();
    }
}
