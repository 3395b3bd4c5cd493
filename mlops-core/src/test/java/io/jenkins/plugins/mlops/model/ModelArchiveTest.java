package io.jenkins.plugins.mlops.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.mlops.data.Sha256;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelArchiveTest {
    private static Path pkg(Path dir) throws Exception {
        Files.createDirectories(dir.resolve("sub"));
        Files.writeString(dir.resolve("params.bin"), "weights");
        Files.writeString(dir.resolve("sub/notes.txt"), "x");
        Manifest.write(dir);
        return dir;
    }

    private static Path zipOf(Path zip, String... namesAndContents) throws Exception {
        try (OutputStream out = Files.newOutputStream(zip); ZipOutputStream z = new ZipOutputStream(out)) {
            for (int i = 0; i < namesAndContents.length; i += 2) {
                z.putNextEntry(new ZipEntry(namesAndContents[i]));
                z.write(namesAndContents[i + 1].getBytes(StandardCharsets.UTF_8));
                z.closeEntry();
            }
        }
        return zip;
    }

    @Test
    void packIsReproducibleAndUnpacksVerified(@TempDir Path tmp) throws Exception {
        Path dir = pkg(tmp.resolve("pkg"));
        ModelArchive.pack(dir, tmp.resolve("a.zip"));
        Thread.sleep(1100);
        Files.setLastModifiedTime(dir.resolve("params.bin"), java.nio.file.attribute.FileTime.fromMillis(123456789));
        ModelArchive.pack(dir, tmp.resolve("b.zip"));
        assertThat(Sha256.of(tmp.resolve("a.zip"))).isEqualTo(Sha256.of(tmp.resolve("b.zip")));
        Path out = ModelArchive.unpack(tmp.resolve("a.zip"), tmp).dir();
        assertThat(Files.readString(out.resolve("sub/notes.txt"))).isEqualTo("x");
    }

    @Test
    void traversalAbsolutePathsAndTamperingAreRefused(@TempDir Path tmp) throws Exception {
        Path evil = zipOf(tmp.resolve("evil.zip"), "../outside.txt", "boom");
        assertThatThrownBy(() -> ModelArchive.unpack(evil, tmp)).hasMessageContaining("unsafe path '../outside.txt'");
        assertThat(tmp.getParent().resolve("outside.txt")).doesNotExist();
        Path absolute = zipOf(tmp.resolve("abs.zip"), "/etc/cron.d/x", "boom");
        assertThatThrownBy(() -> ModelArchive.unpack(absolute, tmp)).hasMessageContaining("unsafe path '/etc/cron.d/x'");
        Path noManifest = zipOf(tmp.resolve("plain.zip"), "params.bin", "weights");
        assertThatThrownBy(() -> ModelArchive.unpack(noManifest, tmp)).hasMessageContaining("refusing to load");

        Path dir = pkg(tmp.resolve("pkg"));
        String manifest = Files.readString(dir.resolve(Manifest.FILE));
        Path tampered = zipOf(tmp.resolve("tampered.zip"), "manifest.json", manifest, "params.bin", "weightz",
                "sub/notes.txt", "x");
        assertThatThrownBy(() -> ModelArchive.unpack(tampered, tmp)).hasMessageContaining("SHA-256 mismatch for 'params.bin'");
        Path garbage = tmp.resolve("garbage.zip");
        Files.write(garbage, new byte[] {1, 2, 3, 4, 5});
        assertThatThrownBy(() -> ModelArchive.unpack(garbage, tmp)).hasMessageContaining("garbage.zip");
        // nothing half-unpacked is left behind
        try (var left = Files.list(tmp)) {
            assertThat(left.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith("model-"));
        }
    }
}
