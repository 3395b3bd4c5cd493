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
import java.util.List;

/** Appends scored rows to {@code predictions.jsonl}, one JSON object per line, for monitoring. */
final class PredictionLog implements AutoCloseable {
    static final String FILE = "predictions.jsonl";
    private final BufferedWriter out;

    PredictionLog(Path dir) {
        try {
            Files.createDirectories(dir);
            out = Files.newBufferedWriter(dir.resolve(FILE), StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open prediction log in " + dir, e);
        }
    }

    /** One request's rows, written together so that lines of concurrent requests never interleave. */
    synchronized void append(List<PredictionLogEntry> entries) {
        try {
            for (PredictionLogEntry e : entries) {
                out.write(Json.JSON.writer().without(com.fasterxml.jackson.databind.SerializationFeature.INDENT_OUTPUT)
                        .writeValueAsString(e));
                out.write('\n');
            }
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write prediction log", e);
        }
    }

    @Override
    public synchronized void close() throws IOException {
        out.close();
    }
}
