package io.jenkins.plugins.mlops.serving;

import io.jenkins.plugins.mlops.data.Sha256;
import io.jenkins.plugins.mlops.model.PackagedModel;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The models a server holds and how requests without a version are routed: a primary, the
 * previous primary kept warm for an instant rollback, an optional canary that takes a share of the
 * requests (sticky by request id), and an optional shadow that sees every request but never
 * answers. Every change replaces a route with one atomic update, so a request in flight finishes
 * on the version it started with and none fails during a swap.
 */
final class DeployedModels {
    /**
     * A loaded version, with the batcher that scores its concurrent requests together and the
     * window of its traffic for drift; {@code features} (input order) is derived once here, not per request.
     */
    record Entry(String name, String version, PackagedModel model, MicroBatcher batcher, List<String> features,
                 TrafficDrift traffic) {
        Entry(String name, String version, PackagedModel model, List<String> features) {
            this(name, version, model, new MicroBatcher(model, name + "-" + version), features,
                    new TrafficDrift(model));
        }

        Entry(String name, String version, PackagedModel model) {
            this(name, version, model, List.copyOf(model.preprocessor().featureNames()));
        }
    }

    /** @param weight the canary's share of requests, 0..1 */
    record Route(Entry primary, Entry previous, Entry canary, double weight, Entry shadow) {
        /** The version that answers: the canary for its share of requests, sticky by request id when there is one. */
        Entry pick(String requestId) {
            if (canary == null || weight <= 0) {
                return primary;
            }
            double u = requestId == null ? ThreadLocalRandom.current().nextDouble() : unit(requestId);
            return u < weight ? canary : primary;
        }
    }

    private final Map<String, Map<String, Entry>> byName = new ConcurrentHashMap<>();
    private final Map<String, Route> routes = new ConcurrentHashMap<>();

    void deploy(String name, String version, PackagedModel model) {
        deploy(name, version, model, DeploymentStrategy.parse("direct"), 0);
    }

    Route deploy(String name, String version, PackagedModel model, DeploymentStrategy strategy, double weight) {
        Entry entry = new Entry(name, version, model);
        byName.computeIfAbsent(name, n -> new ConcurrentHashMap<>()).put(version, entry);
        return routes.compute(name, (n, r) -> strategy.route(name, r, entry, weight));
    }

    /** A strategy that joins a route needs one: refused (HTTP 409) while the model has no primary. */
    static void requirePrimary(String name, Route r) {
        if (r == null) {
            throw new HttpError(409, "model '" + name + "' has no primary version yet; deploy one directly first");
        }
    }

    /** The canary (or else the shadow) becomes the primary; the old primary stays warm as previous. */
    Route promote(String name) {
        return routes.compute(name, (n, r) -> {
            requirePrimary(name, r);
            Entry next = r.canary() != null ? r.canary() : r.shadow();
            if (next == null) {
                throw new HttpError(409, "model '" + name + "' has no canary or shadow to promote");
            }
            return new Route(next, r.primary(), null, 0, r.canary() != null ? r.shadow() : null);
        });
    }

    /** Drops the canary and the shadow; without them, the previous primary comes back. */
    Route rollback(String name) {
        return routes.compute(name, (n, r) -> {
            requirePrimary(name, r);
            if (r.canary() != null || r.shadow() != null) {
                return new Route(r.primary(), r.previous(), null, 0, null);
            }
            if (r.previous() == null) {
                throw new HttpError(409, "model '" + name + "' has nothing to roll back to");
            }
            return new Route(r.previous(), r.primary(), null, 0, null);
        });
    }

    /** The model's current route, read once per request so the answer and its shadow come from the same one. */
    Route route(String name) {
        Route r = routes.get(name);
        if (r == null) {
            throw new HttpError(404, "model '" + name + "' is not deployed on this server");
        }
        return r;
    }

    Route routeOf(String name) {
        return routes.get(name);
    }

    /** A request id mapped to [0, 1): the same id always lands on the same side of a canary split. */
    static double unit(String requestId) {
        byte[] h = Sha256.newDigest().digest(requestId.getBytes(StandardCharsets.UTF_8));
        long v = 0;
        for (int i = 0; i < 7; i++) {
            v = (v << 8) | (h[i] & 0xFF);
        }
        return v / (double) (1L << 56);
    }

    Entry get(String name, String version) {
        if (version == null) {
            return route(name).pick(null);
        }
        Map<String, Entry> versions = byName.get(name);
        if (versions == null) {
            throw new HttpError(404, "model '" + name + "' is not deployed on this server");
        }
        Entry e = versions.get(version);
        if (e == null) {
            throw new HttpError(404, "model '" + name + "' has no version '" + version + "' on this server");
        }
        return e;
    }

    List<String> versions(String name) {
        Map<String, Entry> versions = byName.get(name);
        return versions == null ? List.of() : versions.keySet().stream().sorted().toList();
    }

    /** Every loaded version. */
    List<Entry> all() {
        return byName.values().stream().flatMap(v -> v.values().stream()).toList();
    }

    boolean isEmpty() {
        return routes.isEmpty();
    }

    void closeAll() {
        byName.values().forEach(v -> v.values().forEach(e -> {
            e.batcher().close();
            e.model().close();
        }));
    }
}
