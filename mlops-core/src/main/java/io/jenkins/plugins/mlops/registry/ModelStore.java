package io.jenkins.plugins.mlops.registry;

import io.jenkins.plugins.mlops.audit.AuditLog;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What the steps need from a model registry. {@link Registry} keeps everything in a folder; a
 * shared database can implement the same operations later without the steps changing.
 */
public interface ModelStore {
    /** Where the store lives, for messages. */
    Path home();

    /** A verified package (folder or zip) becomes the next version of {@code name}; never loses a concurrent one. */
    ModelVersion register(Path packagePath, String name, String user, ModelRef parent);

    List<String> models();

    /** Every complete version of a model, oldest first. */
    List<ModelVersion> versions(String name);

    ModelVersion resolve(ModelRef ref);

    /** The version's package folder, verified against its manifest before it is handed out. */
    Path packageDir(ModelVersion version);

    /** Alias -> the versions it pointed to, oldest first; the last is the current target. */
    Map<String, List<Integer>> aliases(String name);

    ModelVersion promote(ModelRef ref, String alias, String user);

    ModelVersion rollback(String name, String alias, String user);

    /** The append-only, hash-chained record of every change. */
    AuditLog audit();
}
