package io.jenkins.plugins.mlops.serving;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.mlops.contract.Check;
import io.jenkins.plugins.mlops.contract.InvalidInputException;
import io.jenkins.plugins.mlops.contract.Json;
import io.jenkins.plugins.mlops.contract.Provenance;
import io.jenkins.plugins.mlops.contract.Stage;
import io.jenkins.plugins.mlops.contract.StepResult;
import io.jenkins.plugins.mlops.report.HtmlReport;
import io.jenkins.plugins.mlops.registry.ModelRef;
import io.jenkins.plugins.mlops.stage.StageExecutor;
import io.jenkins.plugins.mlops.stage.StageOutput;
import io.jenkins.plugins.mlops.stage.StageRunner;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The {@code deploy} step: asks a running model server's admin API to load a registered model. */
public final class DeployStep extends StageExecutor<DeploySpec> {
    public static final String STEP = Stage.DEPLOY.result();
    /** What {@code strategy} may be. */
    public static final List<String> STRATEGIES = DeploymentStrategy.names();

    private final String token;

    /** The admin token is read, when the call is made, from the spec's token file or the environment. */
    public DeployStep() {
        this(null);
    }

    /** With the admin token given (library use); null: as {@link #DeployStep()}. */
    public DeployStep(String token) {
        super(Stage.DEPLOY, DeploySpec.class);
        this.token = token;
    }

    public static StepResult run(URI server, String modelRef, String token, Path outDir) {
        return run(server, modelRef, "direct", 0.1, token, outDir);
    }

    /** @param strategy direct, blue-green, canary (with {@code weight}) or shadow */
    public static StepResult run(URI server, String modelRef, String strategy, double weight, String token, Path outDir) {
        return StageRunner.run(new DeployStep(token), DeploySpec.deploy(server, modelRef, strategy, weight, null), outDir);
    }

    /** Promotes the canary or shadow of {@code model}, or rolls back its route; one line of result. */
    public static StepResult route(URI server, String model, String action, String token, Path outDir) {
        return StageRunner.run(new DeployStep(token), DeploySpec.route(server, model, action, null), outDir);
    }

    @Override
    public StageOutput execute(DeploySpec spec) {
        String secret = token != null ? token : AdminToken.read(spec.tokenFile());
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        return spec.action().equals("deploy") ? deploy(client, spec, secret)
                : route(client, spec.server(), ModelRef.parse(spec.model()).name(), spec.action(), secret);
    }

    private static StageOutput deploy(HttpClient client, DeploySpec spec, String token) {
        URI server = spec.server();
        String body = Json.JSON.createObjectNode().put("model", spec.model()).put("strategy", spec.strategy())
                .put("weight", spec.weight()).toString();
        HttpResponse<String> deployed = admin(client, server, "/admin/deploy", body, token);
        JsonNode answer = parse(deployed.body());
        List<Check> checks = new ArrayList<>();
        boolean accepted = deployed.statusCode() == 200;
        checks.add(Check.of("admin-deploy", accepted, deployed.statusCode(), "200",
                accepted ? "The server loaded " + answer.path("name").asText() + "@" + answer.path("version").asText()
                        + " (package digest verified), strategy " + spec.strategy() + "." : "The server refused: "
                        + answer.path("error").asText(deployed.body())));
        return finish(client, server, spec.model(), answer, accepted, checks);
    }

    private static StageOutput route(HttpClient client, URI server, String model, String action, String token) {
        HttpResponse<String> r = admin(client, server, "/admin/" + action,
                Json.JSON.createObjectNode().put("model", model).toString(), token);
        JsonNode answer = parse(r.body());
        boolean ok = r.statusCode() == 200;
        List<Check> checks = List.of(Check.of("admin-" + action, ok, r.statusCode(), "200", ok ? model + " "
                + answer.path("result").asText() + ": primary " + answer.path("primary").asText() + "."
                : "The server refused: " + answer.path("error").asText(r.body())));
        Map<String, Object> route = Json.JSON.convertValue(answer, Map.class);
        StepResult result = StepResult.fromChecks(STEP, ok ? model + " " + answer.path("result").asText() + " on " + server
                + ": primary is now version " + answer.path("primary").asText() + "." : "The " + action + " of " + model
                + " on " + server + " failed: " + answer.path("error").asText(r.body()), checks).with("route", route);
        HtmlReport report = HtmlReport.forResult("Deployment", result);
        report.section("Route").facts(route);
        return StageOutput.of(result, report);
    }

    private static HttpResponse<String> admin(HttpClient client, URI server, String path, String body, String token) {
        if (token == null || token.isBlank()) {
            throw new InvalidInputException("no admin token: set MLOPS_ADMIN_TOKEN or pass --token-file");
        }
        return send(client, HttpRequest.newBuilder(server.resolve(path))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .timeout(Duration.ofMinutes(2))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), server);
    }

    private static StageOutput finish(HttpClient client, URI server, String modelRef, JsonNode answer, boolean accepted,
                                      List<Check> checks) {
        Map<String, Object> deployment = new LinkedHashMap<>();
        deployment.put("server", server.toString());
        deployment.put("requested", modelRef);
        if (accepted) {
            String name = answer.path("name").asText();
            String version = answer.path("version").asText();
            deployment.put("name", name);
            deployment.put("version", version);
            deployment.put("digest", answer.path("digest").asText());
            deployment.put("strategy", answer.path("strategy").asText());
            HttpResponse<String> ready = send(client, HttpRequest.newBuilder(
                    server.resolve("/v2/models/" + name + "/versions/" + version + "/ready")).GET().build(), server);
            checks.add(Check.of("model-ready", ready.statusCode() == 200, ready.statusCode(), "200",
                    ready.statusCode() == 200 ? "The model answers ready on the OIP endpoint."
                            : "The model is not ready: " + ready.body()));
        }
        String summary = accepted ? "Deployed " + deployment.get("name") + "@" + deployment.get("version") + " to "
                + server + " (strategy " + deployment.get("strategy") + ")." : "Deployment of " + modelRef + " to " + server
                + " failed: " + answer.path("error").asText("refused");
        StepResult result = StepResult.fromChecks(STEP, summary, checks).with("deployment", deployment);
        if (accepted) {
            result.with(Provenance.SECTION, new Provenance(null, null, answer.path("digest").asText()));
        }
        HtmlReport report = HtmlReport.forResult("Deployment", result);
        report.section("Deployment").facts(deployment);
        return StageOutput.of(result, report);
    }

    private static HttpResponse<String> send(HttpClient client, HttpRequest request, URI server) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (ConnectException e) {
            throw new InvalidInputException("cannot connect to model server " + server + ": connection refused");
        } catch (IOException e) {
            throw new InvalidInputException("model server " + server + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InvalidInputException("interrupted while calling " + server);
        }
    }

    private static JsonNode parse(String body) {
        try {
            return Json.JSON.readTree(body);
        } catch (IOException e) {
            return Json.JSON.createObjectNode().put("error", body);
        }
    }
}
