package io.jenkins.plugins.mlops.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.mlops.contract.Json;
import io.jenkins.plugins.mlops.model.Lineage;
import io.jenkins.plugins.mlops.model.Manifest;
import io.jenkins.plugins.mlops.model.ModelInfo;
import io.jenkins.plugins.mlops.model.PackagedModel;
import io.jenkins.plugins.mlops.model.Task;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RegistryTest {
    /** A package as the train step lays it out; the registry never loads the network itself. */
    static Path fakePackage(Path dir) throws Exception {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("params.bin"), "weights");
        Files.writeString(dir.resolve(PackagedModel.MODEL_FILE), Json.JSON.writeValueAsString(new ModelInfo(
                ModelInfo.FORMAT, "dl4j", "m", Task.CLASSIFICATION, "y", List.of("x"), List.of("a", "b"),
                List.of("params.bin"))));
        Files.writeString(dir.resolve(PackagedModel.LINEAGE_FILE), Json.JSON.writeValueAsString(new Lineage(
                "2026-01-01T00:00:00Z", "alice", "data.csv", "abc", 10, "def", 42, "commit1", null, Map.of())));
        Files.writeString(dir.resolve(PackagedModel.METRICS_FILE), "{\"accuracy\": 0.9}");
        Manifest.write(dir);
        return dir;
    }

    @Test
    void registerListPromoteResolve(@TempDir Path tmp) throws Exception {
        Path pkg = fakePackage(tmp.resolve("pkg"));
        Registry registry = new Registry(tmp.resolve("home"));
        ModelVersion v1 = registry.register(pkg, "churn", "alice");
        ModelVersion v2 = registry.register(pkg, "churn", "bob");
        assertThat(v1.version()).isEqualTo(1);
        assertThat(v2.version()).isEqualTo(2);
        assertThat(v2.lineage().codeCommit()).isEqualTo("commit1");
        assertThat(v2.metrics()).containsEntry("accuracy", 0.9);
        registry.promote(ModelRef.parse("churn@1"), "production");
        assertThat(registry.resolve(ModelRef.parse("churn@production")).version()).isEqualTo(1);
        assertThat(registry.resolve(ModelRef.parse("churn")).version()).isEqualTo(2);
        registry.promote(ModelRef.parse("churn@2"), "production");
        assertThat(registry.aliases("churn").get("production")).containsExactly(1, 2);
        assertThat(registry.packageDir(v1)).exists();
        assertThat(registry.models()).containsExactly("churn");
        ModelVersion child = registry.register(pkg, "churn", "bob", ModelRef.parse("churn@production"));
        assertThat(child.parent()).isEqualTo("churn@2");
        assertThat(registry.resolve(ModelRef.parse("churn@3")).parent()).isEqualTo("churn@2");
    }

    @Test
    void identicalFilesAreStoredOnce(@TempDir Path tmp) throws Exception {
        Path pkg = fakePackage(tmp.resolve("pkg"));
        Registry registry = new Registry(tmp.resolve("home"));
        registry.register(pkg, "a", "ci");
        registry.register(pkg, "b", "ci");
        String digest = io.jenkins.plugins.mlops.data.Sha256.of(pkg.resolve("params.bin"));
        Path blob = registry.home().resolve("blobs/sha256/" + digest.substring(0, 2) + "/" + digest);
        assertThat(blob).exists();
        try (var blobs = Files.walk(registry.home().resolve("blobs"))) {
            assertThat(blobs.filter(Files::isRegularFile).count()).isEqualTo(4);
        }
        assertThat(Files.isSameFile(blob, registry.home().resolve("models/b/versions/1/package/params.bin"))).isTrue();
    }

    @Test
    void concurrentRegistrationsNeverShareAVersion(@TempDir Path tmp) throws Exception {
        Path pkg = fakePackage(tmp.resolve("pkg"));
        Registry registry = new Registry(tmp.resolve("home"));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<ModelVersion>> futures = new java.util.ArrayList<>();
            for (int i = 0; i < 12; i++) {
                futures.add(pool.submit(() -> registry.register(pkg, "m", "ci")));
            }
            java.util.Set<Integer> versions = new java.util.TreeSet<>();
            for (Future<ModelVersion> f : futures) {
                versions.add(f.get().version());
            }
            assertThat(versions).hasSize(12).contains(1, 12);
        } finally {
            pool.shutdown();
        }
        assertThat(registry.versions("m")).hasSize(12);
    }

    @Test
    void tamperedPackageIsRefused(@TempDir Path tmp) throws Exception {
        Path pkg = fakePackage(tmp.resolve("pkg"));
        Registry registry = new Registry(tmp.resolve("home"));
        ModelVersion v = registry.register(pkg, "m", "ci");
        Files.writeString(registry.home().resolve("models/m/versions/1/package/params.bin"), "evil");
        assertThatThrownBy(() -> registry.packageDir(v)).hasMessageContaining("SHA-256 mismatch for 'params.bin'");
        Files.writeString(pkg.resolve("extra.txt"), "x");
        assertThatThrownBy(() -> registry.register(pkg, "m", "ci")).hasMessageContaining("'extra.txt' is not in the manifest");
    }

    @Test
    void badReferencesAreInputErrors(@TempDir Path tmp) {
        Registry registry = new Registry(tmp);
        assertThatThrownBy(() -> ModelRef.parse("../etc")).hasMessageContaining("invalid model name");
        assertThatThrownBy(() -> registry.resolve(ModelRef.parse("nope"))).hasMessageContaining("no model 'nope'");
    }
}
