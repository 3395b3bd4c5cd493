package io.jenkins.plugins.mlops.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.mlops.contract.InvalidInputException;
import io.jenkins.plugins.mlops.contract.Json;
import io.jenkins.plugins.mlops.data.Sha256;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * An append-only, hash-chained audit log (JSON Lines): every entry carries the hash of the one
 * before it and its own hash over its content, so changing, removing or reordering any byte of
 * history breaks the chain at that entry. Appends are serialised across processes by a lock file.
 */
public final class AuditLog {
    public static final String FILE = "audit.log";
    static final String GENESIS = "0".repeat(64);
    private static final Map<Path, ReentrantLock> THREAD_LOCKS =
            new ConcurrentHashMap<>();

    private final Path file;

    public AuditLog(Path registryHome) {
        this.file = registryHome.resolve(FILE);
    }

    public Path file() {
        return file;
    }

    /** One recorded action. {@code evidence} is the SHA-256 of what the decision was based on. */
    public record Entry(long seq, String time, String actor, String action, String subject, String evidence,
                        Map<String, Object> details, String prev, String hash) {
    }

    /** The result of {@link #verify()}: OK, or the first entry (1-based line) that breaks the chain. */
    public record Verification(boolean ok, long entries, long badLine, String reason) {
    }

    public Entry append(String actor, String action, String subject, String evidence, Map<String, Object> details) {
        // a JVM may hold a file lock once: its threads queue on an in-process lock first
        ReentrantLock threads = THREAD_LOCKS.computeIfAbsent(
                file.toAbsolutePath().normalize(), f -> new ReentrantLock());
        threads.lock();
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            try (FileChannel lockChannel = FileChannel.open(file.resolveSibling(FILE + ".lock"), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE);
                 FileLock lock = lockChannel.lock()) {
                Optional<Entry> last = last();
                long seq = last.map(e -> e.seq() + 1).orElse(1L);
                String prev = last.map(Entry::hash).orElse(GENESIS);
                Entry unsigned = new Entry(seq, Instant.now().toString(), actor, action, subject, evidence,
                        details == null ? Map.of() : new TreeMap<>(details), prev, null);
                Entry entry = new Entry(unsigned.seq(), unsigned.time(), actor, action, subject, evidence,
                        unsigned.details(), prev, hash(unsigned));
                Files.writeString(file, line(entry) + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                        StandardOpenOption.APPEND, StandardOpenOption.SYNC);
                return entry;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to " + file, e);
        } finally {
            threads.unlock();
        }
    }

    public List<Entry> entries() {
        if (!Files.exists(file)) {
            return List.of();
        }
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8).stream().filter(l -> !l.isBlank())
                    .map(l -> {
                        try {
                            return Json.JSON.readValue(l, Entry.class);
                        } catch (JsonProcessingException e) {
                            throw InvalidInputException.in(file, "unreadable entry: " + e.getOriginalMessage());
                        }
                    }).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Optional<Entry> last() {
        List<Entry> all = entries();
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
    }

    /** Recomputes the chain from the raw bytes; the first line that does not fit is named. */
    public Verification verify() {
        if (!Files.exists(file)) {
            return new Verification(true, 0, 0, "no audit log yet");
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String prev = GENESIS;
        long seq = 0;
        for (int i = 0; i < lines.size(); i++) {
            String raw = new String(lines.get(i).getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
            long lineNo = i + 1;
            Entry e;
            try {
                e = Json.JSON.readValue(raw, Entry.class);
            } catch (JsonProcessingException ex) {
                return new Verification(false, i, lineNo, "not a valid entry: " + Json.firstLine(ex.getOriginalMessage()));
            }
            if (e.seq() != seq + 1) {
                return new Verification(false, i, lineNo, "sequence " + e.seq() + " where " + (seq + 1) + " was expected"
                        + " (an entry was removed or reordered)");
            }
            if (!prev.equals(e.prev())) {
                return new Verification(false, i, lineNo, "entry " + e.seq() + " does not chain to the entry before it");
            }
            Entry unsigned = new Entry(e.seq(), e.time(), e.actor(), e.action(), e.subject(), e.evidence(), e.details(),
                    e.prev(), null);
            if (!hash(unsigned).equals(e.hash())) {
                return new Verification(false, i, lineNo, "entry " + e.seq() + " was changed after it was written");
            }
            if (!line(e).equals(raw)) {
                return new Verification(false, i, lineNo, "entry " + e.seq() + " is not in its canonical form (edited)");
            }
            prev = e.hash();
            seq = e.seq();
        }
        return new Verification(true, seq, 0, seq + " entries, chain intact");
    }

    /** Entries and hashed content are one compact JSON line. */
    private static String line(Object value) {
        try {
            return Json.COMPACT.writeValueAsString(value);
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException(ex);
        }
    }

    /** SHA-256 over the canonical JSON of the entry without its own hash. */
    static String hash(Entry unsigned) {
        ObjectNode node = Json.JSON.valueToTree(unsigned);
        node.remove("hash");
        return Sha256.of(line(canonical(node)).getBytes(StandardCharsets.UTF_8));
    }

    private static JsonNode canonical(JsonNode node) {
        if (node.isObject()) {
            ObjectNode sorted = Json.JSON.createObjectNode();
            List<String> names = new ArrayList<>();
            node.fieldNames().forEachRemaining(names::add);
            names.stream().sorted().forEach(n -> sorted.set(n, canonical(node.get(n))));
            return sorted;
        }
        return node;
    }
}
