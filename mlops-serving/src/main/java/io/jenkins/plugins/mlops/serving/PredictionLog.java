package io.jenkins.plugins.mlops.serving;

import io.jenkins.plugins.mlops.contract.Json;
import io.jenkins.plugins.mlops.monitor.PredictionLogEntry;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Appends scored rows to {@code predictions.jsonl}, one JSON object per line, for monitoring.
 * Size-bounded: past {@code maxBytes} the file is rotated to {@code predictions-<n>.jsonl}, and
 * only the newest {@code keep} rotated files stay, so a busy server cannot fill the disk.
 */
final class PredictionLog implements AutoCloseable {
    static final String FILE = "predictions.jsonl";
    static final String FEEDBACK_FILE = "feedback.jsonl";
    static final long DEFAULT_MAX_BYTES = 64L << 20;
    static final int DEFAULT_KEEP = 10;

    private final Path dir;
    private final long maxBytes;
    private final int keep;
    private BufferedWriter out;
    private long written;
    private long rotations;

    PredictionLog(Path dir) {
        this(dir, DEFAULT_MAX_BYTES, DEFAULT_KEEP);
    }

    PredictionLog(Path dir, long maxBytes, int keep) {
        this.dir = dir;
        this.maxBytes = maxBytes;
        this.keep = keep;
        try {
            Files.createDirectories(dir);
            open();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open prediction log in " + dir, e);
        }
    }

    private void open() throws IOException {
        Path file = dir.resolve(FILE);
        written = Files.exists(file) ? Files.size(file) : 0;
        out = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        try (Stream<Path> files = Files.list(dir)) {
            rotations = files.map(p -> p.getFileName().toString()).filter(n -> n.matches("predictions-\\d+\\.jsonl"))
                    .mapToLong(n -> Long.parseLong(n.substring(12, n.length() - 6))).max().orElse(0);
        }
    }

    /** One request's rows, written together so that lines of concurrent requests never interleave. */
    synchronized void append(List<PredictionLogEntry> entries) {
        try {
            StringBuilder lines = new StringBuilder();
            for (PredictionLogEntry e : entries) {
                lines.append(Json.COMPACT.writeValueAsString(e)).append('\n');
            }
            out.write(lines.toString());
            out.flush();
            written += lines.length();
            if (written >= maxBytes) {
                rotate();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write prediction log", e);
        }
    }

    private void rotate() throws IOException {
        out.close();
        rotations++;
        Files.move(dir.resolve(FILE), dir.resolve(String.format("predictions-%06d.jsonl", rotations)));
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> rotated = files.filter(p -> p.getFileName().toString().matches("predictions-\\d+\\.jsonl"))
                    .sorted(Comparator.comparing(Path::toString)).toList();
            for (int i = 0; i < rotated.size() - keep; i++) {
                Files.deleteIfExists(rotated.get(i));
            }
        }
        open();
    }

    /** Ground truth that arrived later, keyed by request id: appended to {@code feedback.jsonl}. */
    synchronized void feedback(String json) {
        try {
            Files.writeString(dir.resolve(FEEDBACK_FILE), json + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write feedback log", e);
        }
    }

    @Override
    public synchronized void close() throws IOException {
        out.close();
    }
}
