package io.jenkins.plugins.mlops.serving;

import io.jenkins.plugins.mlops.registry.ModelStore;
import java.nio.file.Path;

/**
 * @param host address to bind; loopback unless the operator chooses otherwise
 * @param port 0 picks a free port
 * @param adminToken the admin API's bearer token; {@code null} keeps the admin API closed
 * @param registry where the admin API finds models to deploy; may be null
 * @param logDir where {@code predictions.jsonl} goes; null disables the prediction log
 * @param maxRequestBytes larger request bodies get 413
 * @param maxRows larger batches get 400
 * @param tlsKeystore a PKCS#12 keystore: serve HTTPS with it; null serves plain HTTP
 * @param tlsPassword the keystore's password (from a file or the environment, never the command line)
 */
public record ServerConfig(String host, int port, String adminToken, ModelStore registry, Path logDir,
                           long maxRequestBytes, int maxRows, Path tlsKeystore, String tlsPassword) {
    public ServerConfig(String host, int port, String adminToken, ModelStore registry, Path logDir, long maxRequestBytes,
                        int maxRows) {
        this(host, port, adminToken, registry, logDir, maxRequestBytes, maxRows, null, null);
    }

    public static final long DEFAULT_MAX_REQUEST_BYTES = 16L << 20;
    public static final int DEFAULT_MAX_ROWS = 10_000;

    @Override
    public String toString() {
        // never print the token
        return "ServerConfig[host=" + host + ", port=" + port + ", admin=" + (adminToken == null ? "off" : "on")
                + ", tls=" + (tlsKeystore == null ? "off" : tlsKeystore)
                + ", registry=" + (registry == null ? null : registry.home()) + ", logDir=" + logDir + "]";
    }
}
