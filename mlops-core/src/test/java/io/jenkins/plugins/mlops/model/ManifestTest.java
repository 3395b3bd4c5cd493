package io.jenkins.plugins.mlops.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.mlops.data.Sha256;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ManifestTest {
    @Test
    void verifiesDigestsAndRefusesTraversal(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("a.txt"), "hello");
        Files.createDirectories(dir.resolve("sub"));
        Files.writeString(dir.resolve("sub/b.txt"), "world");
        Manifest manifest = Manifest.write(dir);
        assertThat(manifest.files()).containsEntry("a.txt", Sha256.of("hello".getBytes()))
                .containsKey("sub/b.txt");
        assertThat(Manifest.verify(dir).files()).hasSize(2);

        Files.writeString(dir.resolve(Manifest.FILE), "{\"algorithm\":\"SHA-256\",\"files\":{\"../outside\":\"00\"}}");
        assertThatThrownBy(() -> Manifest.verify(dir)).hasMessageContaining("unsafe path '../outside'");
        Files.writeString(dir.resolve(Manifest.FILE), "{\"algorithm\":\"SHA-256\",\"files\":{\"/etc/passwd\":\"00\"}}");
        assertThatThrownBy(() -> Manifest.verify(dir)).hasMessageContaining("unsafe path '/etc/passwd'");
    }

    @Test
    void packageWithoutManifestIsNotLoaded(@TempDir Path dir) {
        assertThatThrownBy(() -> Manifest.verify(dir)).hasMessageContaining("refusing to load an unverified model");
    }
}
