package io.jenkins.plugins.mlops.adapter;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.mlops.contract.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * What the global configuration's "Test connection" finds: whether the model server answers the
 * Open Inference Protocol, has its admin API on, and accepts the token (by {@code POST /admin/check},
 * which changes nothing). The token is only sent to that server.
 */
public final class ModelServerCheck {
    /** The verdict, as the form shows it. */
    public enum Kind { OK, WARNING, ERROR }

    public record Verdict(Kind kind, String message) {
    }

    private ModelServerCheck() {
    }

    public static Verdict check(String serverUrl, String token) {
        URI server;
        try {
            server = URI.create(normalized(serverUrl) + "/");
        } catch (IllegalArgumentException e) {
            return new Verdict(Kind.ERROR, "Not a URL: " + serverUrl);
        }
        if (!"http".equals(server.getScheme()) && !"https".equals(server.getScheme()) || server.getHost() == null) {
            return new Verdict(Kind.ERROR, "Expected http(s)://HOST:PORT, not " + serverUrl);
        }
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        try {
            HttpResponse<String> meta = client.send(HttpRequest.newBuilder(server.resolve("v2"))
                    .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
            if (meta.statusCode() != 200) {
                return new Verdict(Kind.ERROR, "The server answered " + meta.statusCode() + " to GET /v2: not an Open"
                        + " Inference Protocol server");
            }
            JsonNode info = Json.JSON.readTree(meta.body());
            String name = info.path("name").asText("?") + " " + info.path("version").asText("");
            if (token == null) {
                return new Verdict(Kind.WARNING, "Reached " + name.trim() + "; no admin token chosen, so deployModel,"
                        + " rollbackModel and analyzeCanary cannot change its routes");
            }
            HttpResponse<String> admin = client.send(HttpRequest.newBuilder(server.resolve("admin/check"))
                    .timeout(Duration.ofSeconds(10)).header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            return switch (admin.statusCode()) {
                case 200 -> new Verdict(Kind.OK, "Reached " + name.trim() + "; the admin token is accepted");
                case 401 -> new Verdict(Kind.ERROR, "Reached " + name.trim() + ", but it refuses this admin token");
                case 404 -> new Verdict(Kind.ERROR, "Reached " + name.trim() + ", but its admin API is off (start it with"
                        + " MLOPS_ADMIN_TOKEN or --token-file) or it is too old for this check");
                default -> new Verdict(Kind.ERROR, "The admin check answered " + admin.statusCode());
            };
        } catch (IOException e) {
            return new Verdict(Kind.ERROR, "Cannot reach " + server + ": " + (e.getMessage() == null
                    ? e.getClass().getSimpleName() : e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Verdict(Kind.ERROR, "Interrupted while reaching " + server);
        }
    }

    /**
     * Whether the configured admin token may go with a step's call: only to the configured server.
     * A step that names another server passes its own credential, so a Jenkinsfile cannot send the
     * global token to a server of its choosing.
     */
    public static boolean sendsConfiguredToken(String configuredServer, String stepServer) {
        if (stepServer == null || stepServer.isBlank()) {
            return true;
        }
        return configuredServer != null && normalized(configuredServer).equals(normalized(stepServer));
    }

    private static String normalized(String url) {
        return url.trim().replaceAll("/+$", "");
    }
}
