package io.jenkins.plugins.mlops.serving;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.mlops.contract.Json;
import io.jenkins.plugins.mlops.model.PackagedModel;
import io.jenkins.plugins.mlops.registry.ModelRef;
import io.jenkins.plugins.mlops.registry.ModelVersion;
import java.util.TreeMap;

/**
 * The admin API behind the token: deploy a registered version by strategy, promote, roll back;
 * every change is recorded in the registry's audit log and in the canary-weight metric.
 */
final class AdminApi {
    private final ServerConfig config;
    private final DeployedModels models;
    private final ServerMetrics metrics;

    AdminApi(ServerConfig config, DeployedModels models, ServerMetrics metrics) {
        this.config = config;
        this.models = models;
        this.metrics = metrics;
    }

    /** The answer to an authorised {@code POST /admin/...}. */
    JsonNode answer(String path, JsonNode body) {
        JsonNode answer = switch (path) {
            case "/admin/deploy" -> deploy(body);
            case "/admin/promote" -> routeAnswer(models.promote(modelName(body)), "promoted");
            case "/admin/rollback" -> routeAnswer(models.rollback(modelName(body)), "rolled back");
            // a client's check of its token (the plugin's "Test connection"): authorised, nothing changes
            case "/admin/check" -> Json.JSON.createObjectNode().put("admin", true);
            default -> throw new HttpError(404, "no such admin endpoint: " + path);
        };
        DeployedModels.Route now = models.routeOf(answer.path("name").asText());
        if (now != null) {
            metrics.canaryWeight.labelValues(now.primary().name()).set(now.canary() == null ? 0 : now.weight());
        }
        if (config.registry() != null) {
            config.registry().audit().append("admin-api", "server" + path.substring("/admin".length()),
                    answer.path("name").asText(), null, Json.JSON.convertValue(answer, TreeMap.class));
        }
        return answer;
    }

    /**
     * Loads a registered version (its package verified first) and routes it by strategy: direct
     * (swap), blue-green (swap only after the new version answers a probe; the old one stays warm),
     * canary (a share of requests) or shadow (mirrored, never answers).
     */
    private JsonNode deploy(JsonNode body) {
        if (config.registry() == null) {
            throw new HttpError(409, "this server has no registry to deploy from");
        }
        String refText = body.path("model").asText(null);
        if (refText == null) {
            throw new HttpError(400, "body needs {\"model\": \"NAME[@VERSION|@ALIAS]\"}");
        }
        DeploymentStrategy strategy = DeploymentStrategy.parse(body.path("strategy").asText("direct"));
        if (strategy == null) {
            throw new HttpError(400, "strategy must be one of " + DeploymentStrategy.names());
        }
        double weight = body.path("weight").asDouble(0.1);
        strategy.check(weight);
        ModelVersion version = config.registry().resolve(ModelRef.parse(refText));
        PackagedModel model = PackagedModel.load(config.registry().packageDir(version));
        strategy.admit(model, version.ref());
        DeployedModels.Route route = models.deploy(version.name(), String.valueOf(version.version()), model, strategy,
                weight);
        ObjectNode answer = routeAnswer(route, "deployed");
        answer.put("version", String.valueOf(version.version())).put("digest", version.packageDigest())
                .put("strategy", strategy.userName()).put("deployed", true);
        return answer;
    }

    private static String modelName(JsonNode body) {
        String name = body.path("model").asText(null);
        if (name == null) {
            throw new HttpError(400, "body needs {\"model\": \"NAME\"}");
        }
        return name;
    }

    private static ObjectNode routeAnswer(DeployedModels.Route route, String what) {
        ObjectNode answer = Json.JSON.createObjectNode().put("name", route.primary().name())
                .put("primary", route.primary().version()).put("result", what);
        answer.put("previous", route.previous() == null ? null : route.previous().version());
        answer.put("canary", route.canary() == null ? null : route.canary().version());
        answer.put("canaryWeight", route.weight());
        answer.put("shadow", route.shadow() == null ? null : route.shadow().version());
        return answer;
    }
}
