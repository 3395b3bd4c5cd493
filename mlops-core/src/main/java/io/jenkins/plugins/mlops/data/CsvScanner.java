package io.jenkins.plugins.mlops.data;

import io.jenkins.plugins.mlops.contract.InvalidInputException;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.io.input.BoundedInputStream;

/**
 * Streams an RFC 4180 CSV file (UTF-8, optional BOM, LF or CRLF) through Commons CSV in parallel
 * chunks: a first pass over the bytes finds record boundaries (a line break outside quotes: quote
 * parity), then each chunk is parsed on its own thread into its own {@link RowSink}, and the sinks
 * are merged in file order. Memory does not grow with the file. Every malformation becomes an
 * {@link InvalidInputException} naming the file and line; with several, the first in the file.
 */
public final class CsvScanner {
    /** Files smaller than this are parsed in one chunk: splitting costs more than it saves. */
    static final long MIN_PARALLEL_BYTES = 4L << 20;
    private static final Pattern START_LINE = Pattern.compile("startline (\\d+)");

    private final MissingValues missing;
    private final boolean allowShortRows;
    private final int threads;

    public CsvScanner(MissingValues missing, boolean allowShortRows, int threads) {
        this.missing = missing;
        this.allowShortRows = allowShortRows;
        this.threads = Math.max(1, threads);
    }

    /**
     * The header and the merged sink of all rows.
     *
     * @param shortRows rows read with omitted trailing fields; {@code shortRowLines} the first few
     */
    public record Result<S>(List<String> columns, S sink, long rows, long shortRows, List<Long> shortRowLines) {
    }

    static final int MAX_SHORT_ROW_LINES = 5;

    /** A byte range holding whole records, and the file line it starts on. */
    record Chunk(long start, long end, long firstLine) {
    }

    public <S extends RowSink<S>> Result<S> scan(Path file, java.util.function.Function<List<String>, S> newSink) {
        if (Files.isDirectory(file)) {
            throw InvalidInputException.in(file, "is a directory, expected a CSV file");
        }
        try {
            long size = Files.size(file);
            if (size == 0) {
                throw InvalidInputException.in(file, "file is empty: expected a header row of column names");
            }
            Header header = readHeader(file);
            List<Chunk> chunks = split(file, header, size);
            Supplier<S> factory = () -> newSink.apply(header.columns());
            if (chunks.size() == 1) {
                ChunkResult<S> only = parse(file, header.columns(), chunks.get(0), factory.get());
                return new Result<>(header.columns(), only.sink(), only.rows(), only.shortRows(), only.shortRowLines());
            }
            ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, chunks.size()), r -> {
                Thread t = new Thread(r, "mlops-csv");
                t.setDaemon(true);
                return t;
            });
            try {
                List<Future<ChunkResult<S>>> futures = new ArrayList<>();
                for (Chunk chunk : chunks) {
                    futures.add(pool.submit(() -> parse(file, header.columns(), chunk, factory.get())));
                }
                ChunkResult<S> total = null;
                InvalidInputException firstError = null;
                for (Future<ChunkResult<S>> f : futures) {
                    try {
                        ChunkResult<S> part = f.get();
                        total = total == null ? part : total.merge(part);
                    } catch (ExecutionException e) {
                        // chunks are in file order: the first failing chunk holds the first error
                        if (firstError == null) {
                            firstError = unwrap(e);
                        }
                    }
                }
                if (firstError != null) {
                    throw firstError;
                }
                return new Result<>(header.columns(), total.sink(), total.rows(), total.shortRows(),
                        total.shortRowLines());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while reading " + file, e);
            } finally {
                pool.shutdownNow();
            }
        } catch (NoSuchFileException e) {
            throw InvalidInputException.in(file, "no such file");
        } catch (AccessDeniedException e) {
            throw InvalidInputException.in(file, "permission denied");
        } catch (IOException e) {
            throw InvalidInputException.in(file, "cannot read: " + e.getMessage());
        }
    }

    private static InvalidInputException unwrap(ExecutionException e) {
        if (e.getCause() instanceof InvalidInputException i) {
            return i;
        }
        if (e.getCause() instanceof RuntimeException r) {
            throw r;
        }
        throw new IllegalStateException(e.getCause());
    }

    private record ChunkResult<S extends RowSink<S>>(S sink, long rows, long shortRows, List<Long> shortRowLines) {
        ChunkResult<S> merge(ChunkResult<S> later) {
            sink.merge(later.sink());
            List<Long> lines = new ArrayList<>(shortRowLines);
            lines.addAll(later.shortRowLines());
            return new ChunkResult<>(sink, rows + later.rows(), shortRows + later.shortRows(),
                    lines.subList(0, Math.min(MAX_SHORT_ROW_LINES, lines.size())));
        }
    }

    /** Header names, and where the data starts (after the BOM and the header record). */
    private record Header(List<String> columns, long dataStart, long dataLine) {
    }

    private Header readHeader(Path file) throws IOException {
        long bom = hasBom(file) ? 3 : 0;
        long[] end = recordEnd(file, bom);
        byte[] bytes = new byte[(int) Math.min(Integer.MAX_VALUE - 8, end[0] - bom)];
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            ch.position(bom);
            java.nio.ByteBuffer buffer = java.nio.ByteBuffer.wrap(bytes);
            while (buffer.hasRemaining() && ch.read(buffer) > 0) {
                // fill
            }
        }
        List<String> columns;
        try (CSVParser parser = CSVParser.builder().setReader(decoder(new java.io.ByteArrayInputStream(bytes)))
                .setFormat(format()).get()) {
            List<CSVRecord> records = parser.getRecords();
            columns = records.isEmpty() ? List.of() : records.get(0).toList();
        } catch (IOException | java.io.UncheckedIOException | IllegalStateException e) {
            throw malformed(file, 1, 1, e);
        }
        if (columns.isEmpty()) {
            throw InvalidInputException.in(file, "file is empty: expected a header row of column names");
        }
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < columns.size(); i++) {
            String name = columns.get(i);
            if (name.isBlank()) {
                throw InvalidInputException.at(file, 1, i + 1, "column " + (i + 1) + " has no name");
            }
            Integer first = seen.putIfAbsent(name, i + 1);
            if (first != null) {
                throw InvalidInputException.at(file, 1, i + 1, "duplicate column name '" + name + "' (columns " + first
                        + " and " + (i + 1) + ")");
            }
        }
        return new Header(List.copyOf(columns), end[0], 2 + end[1]);
    }

    private static boolean hasBom(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] b = in.readNBytes(3);
            return b.length == 3 && (b[0] & 0xFF) == 0xEF && (b[1] & 0xFF) == 0xBB && (b[2] & 0xFF) == 0xBF;
        }
    }

    /** {offset after the first record that starts at {@code from}, line breaks inside it}. */
    private static long[] recordEnd(Path file, long from) throws IOException {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            in.skipNBytes(from);
            boolean quoted = false;
            long pos = from;
            long breaks = 0;
            for (int b; (b = in.read()) >= 0; pos++) {
                if (b == '"') {
                    quoted = !quoted;
                } else if (b == '\n') {
                    breaks++;
                    if (!quoted) {
                        return new long[] {pos + 1, breaks - 1};
                    }
                }
            }
            return new long[] {pos, breaks};
        }
    }

    /**
     * Chunks of about equal size that start at record boundaries: one pass over the bytes counts
     * line breaks and quote parity (a doubled quote flips it twice, so escapes need no care).
     */
    private List<Chunk> split(Path file, Header header, long size) throws IOException {
        int parts = size < MIN_PARALLEL_BYTES ? 1 : threads * 4;
        if (parts == 1) {
            return List.of(new Chunk(header.dataStart(), size, header.dataLine()));
        }
        List<Chunk> chunks = new ArrayList<>();
        long chunkStart = header.dataStart();
        long chunkLine = header.dataLine();
        long target = chunkStart + (size - chunkStart) / parts;
        boolean quoted = false;
        long line = header.dataLine();
        byte[] buffer = new byte[1 << 20];
        try (InputStream in = Files.newInputStream(file)) {
            in.skipNBytes(header.dataStart());
            long pos = header.dataStart();
            for (int n; (n = in.read(buffer)) > 0; ) {
                for (int i = 0; i < n; i++) {
                    byte b = buffer[i];
                    if (b == '"') {
                        quoted = !quoted;
                    } else if (b == '\n') {
                        line++;
                        if (!quoted && pos + i + 1 >= target && pos + i + 1 < size) {
                            chunks.add(new Chunk(chunkStart, pos + i + 1, chunkLine));
                            chunkStart = pos + i + 1;
                            chunkLine = line;
                            target = chunkStart + (size - header.dataStart()) / parts;
                        }
                    }
                }
                pos += n;
            }
        }
        chunks.add(new Chunk(chunkStart, size, chunkLine));
        return chunks;
    }

    private <S extends RowSink<S>> ChunkResult<S> parse(Path file, List<String> columns, Chunk chunk, S sink) {
        int width = columns.size();
        java.util.function.Predicate<String> isMissing = missing.matcher();
        long rows = 0;
        long shortRows = 0;
        List<Long> shortRowLines = new ArrayList<>();
        CSVParser parser = null;
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            ch.position(chunk.start());
            InputStream in = new BufferedInputStream(BoundedInputStream.builder()
                    .setInputStream(Channels.newInputStream(ch)).setMaxCount(chunk.end() - chunk.start()).get(), 1 << 16);
            parser = CSVParser.builder().setReader(decoder(in)).setFormat(format()).get();
            long start = chunk.firstLine();
            for (CSVRecord record : parser) {
                int size = record.size();
                if (size != width) {
                    if (size < width && allowShortRows) {
                        shortRows++;
                        if (shortRowLines.size() < MAX_SHORT_ROW_LINES) {
                            shortRowLines.add(start);
                        }
                    } else {
                        throw InvalidInputException.at(file, start, 0, "row has " + size + (size == 1 ? " field" : " fields")
                                + " but the header has " + width + (size < width
                                ? " (if the trailing fields are omitted on purpose, allow short rows)" : ""));
                    }
                }
                String[] values = new String[width];
                for (int i = 0; i < size && i < width; i++) {
                    String v = record.get(i);
                    values[i] = isMissing.test(v) ? null : v;
                }
                sink.accept(values, start);
                rows++;
                start = chunk.firstLine() + parser.getCurrentLineNumber();
            }
            return new ChunkResult<>(sink, rows, shortRows, shortRowLines);
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            long line = parser == null ? chunk.firstLine() : chunk.firstLine() + parser.getCurrentLineNumber();
            throw malformed(file, chunk.firstLine(), line, e);
        }
    }

    private static CSVFormat format() {
        return CSVFormat.RFC4180.builder()
                .setIgnoreEmptyLines(true)
                .get();
    }

    private static Reader decoder(InputStream in) {
        CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        return new InputStreamReader(in, utf8);
    }

    /** @param firstLine the file line the failing parser started on; @param line where it stopped */
    private static InvalidInputException malformed(Path file, long firstLine, long line, Exception e) {
        Throwable cause = e instanceof UncheckedIOException || e instanceof IllegalStateException && e.getCause() != null
                ? e.getCause() : e;
        if (cause instanceof CharacterCodingException) {
            long[] where = Utf8.firstMalformed(file);
            return InvalidInputException.at(file, where[0], where[1], "not valid UTF-8 text (binary data or another"
                    + " encoding such as Latin-1 or UTF-16; save the file as UTF-8)");
        }
        String message = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        if (message.contains("EOF reached before encapsulated token finished")) {
            Matcher start = START_LINE.matcher(message);
            // Commons CSV's startline counts from 1 at the start of what it parsed: here, the chunk
            return InvalidInputException.at(file, start.find() ? firstLine + Long.parseLong(start.group(1)) - 1 : line,
                    0, "unterminated quoted field: a \" opens a value that never ends");
        }
        if (message.contains("invalid char between encapsulated token and delimiter")) {
            return InvalidInputException.at(file, line, 0, "unexpected character after a closing quote");
        }
        return InvalidInputException.at(file, line, 0, "malformed CSV: " + message.replaceAll("\\s+", " "));
    }

}
