package io.jenkins.plugins.mlops.registry;

import com.fasterxml.jackson.core.type.TypeReference;
import io.jenkins.plugins.mlops.contract.FileTrees;
import io.jenkins.plugins.mlops.contract.InvalidInputException;
import io.jenkins.plugins.mlops.contract.Json;
import io.jenkins.plugins.mlops.data.Sha256;
import io.jenkins.plugins.mlops.audit.AuditLog;
import io.jenkins.plugins.mlops.model.Lineage;
import io.jenkins.plugins.mlops.model.Manifest;
import io.jenkins.plugins.mlops.model.ModelArchive;
import io.jenkins.plugins.mlops.model.ModelInfo;
import io.jenkins.plugins.mlops.model.PackagedModel;
import io.jenkins.plugins.mlops.report.StepOutputWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Stream;

/**
 * An embedded model registry in a folder:
 * <pre>
 * models/NAME/versions/N/version.json     lineage, metrics, digest
 * models/NAME/versions/N/package/...      the verified model package
 * models/NAME/aliases.json                alias -> history of versions (last = current)
 * models/NAME/.lock                       serialises writers across processes
 * </pre>
 * A version is assembled in a hidden staging folder and renamed into place, so a crash at any
 * moment leaves either no version or a complete one.
 */
public final class Registry implements ModelStore {
    private static final Map<Path, ReentrantLock> THREAD_LOCKS = new ConcurrentHashMap<>();
    private final Path home;

    public Registry(Path home) {
        this.home = home;
    }

    /** {@code $MLOPS_HOME}, or {@code .mlops/} in the working directory. */
    public static Registry fromEnvironment() {
        String env = System.getenv("MLOPS_HOME");
        return new Registry(env == null || env.isBlank() ? Path.of(".mlops") : Path.of(env));
    }

    @Override
    public Path home() {
        return home;
    }

    private Path modelDir(String name) {
        return home.resolve("models").resolve(ModelRef.checkName(name));
    }

    public ModelVersion register(Path packagePath, String name, String user) {
        return register(packagePath, name, user, null);
    }

    /**
     * Registers a package folder or a package zip (unpacked and verified first).
     *
     * @param parent a registered version this one derives from, recorded in its lineage; may be null
     */
    @Override
    public ModelVersion register(Path packagePath, String name, String user, ModelRef parent) {
        String parentRef = parent == null ? null : resolve(parent).ref();
        if (ModelArchive.isArchive(packagePath)) {
            ModelArchive.Unpacked unpacked = ModelArchive.unpack(packagePath, Path.of(System.getProperty("java.io.tmpdir")));
            try {
                return register(unpacked.dir(), unpacked.manifest(), name, user, parentRef);
            } finally {
                FileTrees.deleteQuietly(unpacked.dir());
            }
        }
        return register(packagePath, Manifest.verify(packagePath), name, user, parentRef);
    }

    private ModelVersion register(Path packageDir, Manifest manifest, String name, String user, String parentRef) {
        Path manifestFile = packageDir.resolve(Manifest.FILE);
        ModelInfo info = Json.readJson(packageDir.resolve(PackagedModel.MODEL_FILE), ModelInfo.class);
        Lineage lineage = Json.readJson(packageDir.resolve(PackagedModel.LINEAGE_FILE), Lineage.class);
        Map<String, Double> metrics = Json.JSON.convertValue(
                Json.readTree(packageDir.resolve(PackagedModel.METRICS_FILE)), new TypeReference<Map<String, Double>>() { });
        Path dir = modelDir(name);
        return locked(dir, () -> {
            int version = versions(name).stream().mapToInt(ModelVersion::version).max().orElse(0) + 1;
            Path staging = dir.resolve(".staging-" + UUID.randomUUID());
            try {
                storeContentAddressed(packageDir, manifest, staging.resolve("package"));
                ModelVersion mv = new ModelVersion(name, version, Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(),
                        user, info.task().jsonName(), Sha256.of(manifestFile), metrics, lineage, parentRef);
                Files.writeString(staging.resolve("version.json"), Json.JSON.writeValueAsString(mv) + "\n");
                Path versions = dir.resolve("versions");
                Files.createDirectories(versions);
                Files.move(staging, versions.resolve(String.valueOf(version)), StandardCopyOption.ATOMIC_MOVE);
                audit().append(user, "register", mv.ref(), mv.packageDigest(), Map.of("dataSha256",
                        String.valueOf(lineage.dataSha256()), "specSha256", String.valueOf(lineage.specSha256())));
                return mv;
            } finally {
                FileTrees.delete(staging);
            }
        });
    }

    @Override
    public List<String> models() {
        Path models = home.resolve("models");
        if (!Files.isDirectory(models)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(models)) {
            return s.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every complete version, oldest first; staging folders of crashed writers are invisible. */
    @Override
    public List<ModelVersion> versions(String name) {
        Path versions = modelDir(name).resolve("versions");
        if (!Files.isDirectory(versions)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(versions)) {
            return s.filter(p -> p.getFileName().toString().matches("\\d+"))
                    .map(p -> Json.readJson(p.resolve("version.json"), ModelVersion.class))
                    .sorted(Comparator.comparingInt(ModelVersion::version))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public ModelVersion resolve(ModelRef ref) {
        List<ModelVersion> all = versions(ref.name());
        if (all.isEmpty()) {
            throw new InvalidInputException("no model '" + ref.name() + "' in registry " + home);
        }
        if (ref.selector() == null) {
            return all.get(all.size() - 1);
        }
        int wanted;
        if (ref.isVersion()) {
            wanted = Integer.parseInt(ref.selector());
        } else {
            List<Integer> history = aliases(ref.name()).get(ref.selector());
            if (history == null || history.isEmpty()) {
                throw new InvalidInputException("model '" + ref.name() + "' has no alias '" + ref.selector() + "'");
            }
            wanted = history.get(history.size() - 1);
        }
        return all.stream().filter(v -> v.version() == wanted).findFirst()
                .orElseThrow(() -> new InvalidInputException("model '" + ref.name() + "' has no version " + wanted));
    }

    /** The package folder of a version, verified against its manifest before it is handed out. */
    @Override
    public Path packageDir(ModelVersion version) {
        Path dir = modelDir(version.name()).resolve("versions").resolve(String.valueOf(version.version())).resolve("package");
        Manifest.verify(dir);
        if (!Sha256.of(dir.resolve(Manifest.FILE)).equals(version.packageDigest())) {
            throw InvalidInputException.in(dir, "manifest digest differs from the one registered");
        }
        return dir;
    }

    /** Alias name -> versions it pointed to, oldest first; the last is the current target. */
    @Override
    public Map<String, List<Integer>> aliases(String name) {
        Path file = modelDir(name).resolve("aliases.json");
        if (!Files.exists(file)) {
            return new LinkedHashMap<>();
        }
        return Json.JSON.convertValue(Json.readTree(file), new TypeReference<LinkedHashMap<String, List<Integer>>>() { });
    }

    public ModelVersion promote(ModelRef ref, String alias) {
        return promote(ref, alias, System.getProperty("user.name"));
    }

    @Override
    public ModelVersion promote(ModelRef ref, String alias, String user) {
        return move(ref, alias, user).version();
    }

    /**
     * An alias's move, as recorded.
     *
     * @param previous the version the alias pointed to before; null for a new alias
     */
    public record Promotion(ModelVersion version, Integer previous, AuditLog.Entry entry) {
    }

    /** Points {@code alias} at the version {@code ref} names, and records it in the audit log. */
    public Promotion move(ModelRef ref, String alias, String user) {
        ModelRef.checkName(alias);
        if (alias.chars().allMatch(Character::isDigit)) {
            throw new InvalidInputException("alias '" + alias + "' would be read as a version number");
        }
        ModelVersion target = resolve(ref);
        Path dir = modelDir(ref.name());
        Integer previous = locked(dir, () -> {
            Map<String, List<Integer>> aliases = aliases(ref.name());
            List<Integer> history = new ArrayList<>(aliases.getOrDefault(alias, List.of()));
            Integer before = history.isEmpty() ? null : history.get(history.size() - 1);
            history.add(target.version());
            aliases.put(alias, history);
            StepOutputWriter.writeAtomically(dir.resolve("aliases.json"), Json.JSON.writeValueAsString(aliases) + "\n");
            return before;
        });
        AuditLog.Entry entry = audit().append(user, "promote", target.ref(), target.packageDigest(),
                Map.of("alias", alias));
        return new Promotion(target, previous, entry);
    }

    /** Points {@code alias} back to the version it pointed to before; the undone target stays registered. */
    @Override
    public ModelVersion rollback(String name, String alias, String user) {
        Path dir = modelDir(name);
        int[] moved = new int[2];
        locked(dir, () -> {
            Map<String, List<Integer>> aliases = aliases(name);
            List<Integer> history = new ArrayList<>(aliases.getOrDefault(alias, List.of()));
            if (history.size() < 2) {
                throw new InvalidInputException("alias '" + alias + "' of model '" + name + "' has no earlier target to"
                        + " roll back to (history: " + history + ")");
            }
            moved[0] = history.remove(history.size() - 1);
            moved[1] = history.get(history.size() - 1);
            aliases.put(alias, history);
            StepOutputWriter.writeAtomically(dir.resolve("aliases.json"), Json.JSON.writeValueAsString(aliases) + "\n");
            return null;
        });
        ModelVersion now = resolve(new ModelRef(name, String.valueOf(moved[1])));
        audit().append(user, "rollback", now.ref(), now.packageDigest(), Map.of("alias", alias, "from", name + "@"
                + moved[0]));
        return now;
    }

    @Override
    public AuditLog audit() {
        return new AuditLog(home);
    }

    /**
     * Runs {@code action} holding the model's lock: a file lock serialises processes, but a JVM may
     * hold a file lock only once, so threads of this JVM queue on an in-process lock first.
     */
    private static <T> T locked(Path dir, Callable<T> action) {
        ReentrantLock threads = THREAD_LOCKS.computeIfAbsent(dir.toAbsolutePath().normalize(), d -> new ReentrantLock());
        threads.lock();
        try {
            Files.createDirectories(dir);
            try (FileChannel channel = FileChannel.open(dir.resolve(".lock"), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE);
                 FileLock lock = channel.lock()) {
                return action.call();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("registry " + dir + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        } finally {
            threads.unlock();
        }
    }

    /**
     * Content-addressed storage: each file is kept once, as {@code blobs/sha256/ab/abcd...} (copied,
     * checked and renamed into place, so a crash never leaves a wrong blob), and hard-linked into
     * the version's package folder (copied where the file system has no links). Versions that share
     * files, such as a re-registration of the same package, take no extra space.
     */
    private void storeContentAddressed(Path packageDir, Manifest manifest, Path target) throws IOException {
        for (Map.Entry<String, String> e : manifest.files().entrySet()) {
            String digest = e.getValue();
            Path blob = home.resolve("blobs").resolve("sha256").resolve(digest.substring(0, 2)).resolve(digest);
            if (!Files.exists(blob)) {
                Files.createDirectories(blob.getParent());
                Path tmp = Files.createTempFile(blob.getParent(), "." + digest, ".tmp");
                try {
                    Files.copy(packageDir.resolve(e.getKey()), tmp, StandardCopyOption.REPLACE_EXISTING);
                    if (!Sha256.of(tmp).equals(digest)) {
                        throw InvalidInputException.in(packageDir, "'" + e.getKey() + "' changed while it was registered");
                    }
                    Files.move(tmp, blob, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } finally {
                    Files.deleteIfExists(tmp);
                }
            }
            Path link = target.resolve(e.getKey());
            Files.createDirectories(link.getParent());
            try {
                Files.createLink(link, blob);
            } catch (UnsupportedOperationException | IOException noLinks) {
                Files.copy(blob, link);
            }
        }
        Files.copy(packageDir.resolve(Manifest.FILE), target.resolve(Manifest.FILE));
    }
}
