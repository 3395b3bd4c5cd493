package io.jenkins.plugins.mlops.serving;

import io.jenkins.plugins.mlops.model.PackagedModel;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The models a server holds: several versions per name, one of them the default for requests
 * without a version. Swapping the default is one atomic reference update, so in-flight requests
 * finish on the version they started with.
 */
final class DeployedModels {
    record Entry(String name, String version, PackagedModel model) {
    }

    private final Map<String, Map<String, Entry>> byName = new ConcurrentHashMap<>();
    private final Map<String, Entry> defaults = new ConcurrentHashMap<>();

    void deploy(String name, String version, PackagedModel model) {
        Entry entry = new Entry(name, version, model);
        byName.computeIfAbsent(name, n -> new ConcurrentHashMap<>()).put(version, entry);
        defaults.put(name, entry);
    }

    Entry get(String name, String version) {
        if (version == null) {
            Entry e = defaults.get(name);
            if (e == null) {
                throw new HttpError(404, "model '" + name + "' is not deployed on this server");
            }
            return e;
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

    boolean isEmpty() {
        return defaults.isEmpty();
    }

    void closeAll() {
        byName.values().forEach(v -> v.values().forEach(e -> e.model().close()));
    }
}
