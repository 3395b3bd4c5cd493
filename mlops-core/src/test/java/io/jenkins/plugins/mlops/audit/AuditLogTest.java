package io.jenkins.plugins.mlops.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditLogTest {
    private static AuditLog withEntries(Path dir, int n) {
        AuditLog log = new AuditLog(dir);
        for (int i = 0; i < n; i++) {
            log.append("alice", "register", "m@" + (i + 1), "ab" + i, Map.of("note", "entry " + i));
        }
        return log;
    }

    @Test
    void intactChainVerifies(@TempDir Path dir) {
        AuditLog log = withEntries(dir, 5);
        assertThat(log.verify().ok()).isTrue();
        assertThat(log.verify().entries()).isEqualTo(5);
        assertThat(log.entries().get(1).prev()).isEqualTo(log.entries().get(0).hash());
    }

    @Test
    void changingAnySingleByteIsDetectedAtItsLine(@TempDir Path dir) throws Exception {
        AuditLog log = withEntries(dir, 4);
        byte[] original = Files.readAllBytes(log.file());
        int lineBreaks = 0;
        for (int pos = 0; pos < original.length; pos++) {
            if (original[pos] == '\n') {
                lineBreaks++;
                continue;
            }
            byte[] changed = original.clone();
            changed[pos] = (byte) (changed[pos] == 'x' ? 'y' : 'x');
            Files.write(log.file(), changed);
            AuditLog.Verification v = log.verify();
            assertThat(v.ok()).as("byte %d changed", pos).isFalse();
            assertThat(v.badLine()).as("byte %d changed", pos).isEqualTo(lineBreaks + 1);
        }
        Files.write(log.file(), original);
        assertThat(log.verify().ok()).isTrue();
    }

    @Test
    void removedOrReorderedEntriesAreDetected(@TempDir Path dir) throws Exception {
        AuditLog log = withEntries(dir, 4);
        List<String> lines = Files.readAllLines(log.file());
        List<String> removed = new ArrayList<>(lines);
        removed.remove(1);
        Files.write(log.file(), removed);
        assertThat(log.verify().badLine()).isEqualTo(2);
        List<String> swapped = new ArrayList<>(lines);
        swapped.set(2, lines.get(3));
        swapped.set(3, lines.get(2));
        Files.write(log.file(), swapped);
        assertThat(log.verify().ok()).isFalse();
        assertThat(log.verify().badLine()).isEqualTo(3);
    }

    @Test
    void concurrentAppendsFormOneChain(@TempDir Path dir) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                int k = i;
                futures.add(pool.submit(() -> new AuditLog(dir).append("u" + k, "promote", "m@1", "d", Map.of())));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        AuditLog.Verification v = new AuditLog(dir).verify();
        assertThat(v.ok()).as(v.reason()).isTrue();
        assertThat(v.entries()).isEqualTo(40);
    }
}
