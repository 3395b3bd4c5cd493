package io.jenkins.plugins.mlops.data;

import de.siegmar.fastcsv.reader.AbstractBaseCsvCallbackHandler;
import de.siegmar.fastcsv.reader.CsvParseException;
import io.jenkins.plugins.mlops.contract.InvalidInputException;
import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
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
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import org.apache.commons.io.input.BoundedInputStream;

/**
 * Streams an RFC 4180 CSV file (UTF-8, optional BOM, LF or CRLF) in parallel chunks: a first
 * pass over the bytes finds record boundaries (a line break outside quotes: quote parity), then
 * each chunk is parsed by FastCSV on its own thread into its own {@link RowSink}, and the sinks are
 * merged in file order. FastCSV hands over fields as slices of its buffer, so numeric columns are
 * parsed without a String per value: several times the rate of Commons CSV, which the validation
 * benchmark keeps as its baseline. Memory does not grow with the file. Every malformation becomes
 * an {@link InvalidInputException} naming the file and line; with several, the first in the file.
 */
public final class CsvScanner {
    /** Files smaller than this are read in one chunk on the calling thread: splitting costs more than it saves. */
    static final long MIN_PARALLEL_BYTES = 4L << 20;

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

    public <S extends RowSink<S>> Result<S> scan(Path file, Function<List<String>, S> newSink) {
        if (Files.isDirectory(file)) {
            throw InvalidInputException.in(file, "is a directory, expected a CSV file");
        }
        ExecutorService pool = null;
        try {
            long size = Files.size(file);
            if (size == 0) {
                throw InvalidInputException.in(file, "file is empty: expected a header row of column names");
            }
            Header header = readHeader(file);
            if (threads > 1 && size - header.dataStart() >= MIN_PARALLEL_BYTES) {
                pool = Executors.newFixedThreadPool(threads, r -> {
                    Thread t = new Thread(r, "mlops-csv");
                    t.setDaemon(true);
                    return t;
                });
            }
            List<Chunk> chunks = split(file, header, size, pool);
            int width = header.columns().size();
            List<Future<ChunkResult<S>>> futures = new ArrayList<>();
            for (Chunk chunk : chunks) {
                futures.add(run(pool, () -> parse(file, width, chunk, newSink.apply(header.columns()))));
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
            return new Result<>(header.columns(), total.sink(), total.rows(), total.shortRows(), total.shortRowLines());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading " + file, e);
        } catch (NoSuchFileException e) {
            throw InvalidInputException.in(file, "no such file");
        } catch (AccessDeniedException e) {
            throw InvalidInputException.in(file, "permission denied");
        } catch (IOException e) {
            throw InvalidInputException.in(file, "cannot read: " + e.getMessage());
        } finally {
            if (pool != null) {
                pool.shutdownNow();
            }
        }
    }

    /** Runs on the pool, or here and now without one; failures surface from {@link Future#get} either way. */
    private static <T> Future<T> run(ExecutorService pool, Callable<T> task) {
        if (pool != null) {
            return pool.submit(task);
        }
        try {
            return CompletableFuture.completedFuture(task.call());
        } catch (Exception e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private static InvalidInputException unwrap(ExecutionException e) {
        if (e.getCause() instanceof InvalidInputException i) {
            return i;
        }
        if (e.getCause() instanceof RuntimeException r) {
            throw r;
        }
        if (e.getCause() instanceof Error error) {
            // an OutOfMemoryError in a chunk is the caller's to report, not a bug wrapped in another
            throw error;
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
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            while (buffer.hasRemaining() && ch.read(buffer) > 0) {
                // fill
            }
        }
        List<String> columns = new ArrayList<>();
        RowHandler handler = new RowHandler(new CsvRow(0, missing), 1);
        try (de.siegmar.fastcsv.reader.CsvReader<CsvRow> reader = reader(handler, new ByteArrayInputStream(bytes))) {
            for (CsvRow row : reader) {
                for (int c = 0; c < row.size(); c++) {
                    columns.add(row.field(c).toString());
                }
            }
        } catch (UncheckedIOException | CsvParseException e) {
            throw malformed(file, 1, e);
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
     * Chunks of about equal size that start at record boundaries. Byte ranges are scanned in
     * parallel for their quotes and line breaks; a range's quote parity then follows from the
     * ranges before it (a doubled quote flips parity twice, so escapes need no care), which says
     * which of its line breaks ends a record. A file that ends inside quotes is rejected here,
     * before any parsing, at the line of its last quote (the one that opens the unended value).
     */
    private List<Chunk> split(Path file, Header header, long size, ExecutorService pool) throws IOException {
        // one chunk per thread: more chunks balance load on paper but cost more than they save (per-chunk
        // set-up and merges; 500 k rows on 2 threads: 0.63-0.65 s with 2 chunks, 0.69-0.78 s with 8)
        int parts = size - header.dataStart() < MIN_PARALLEL_BYTES ? 1 : threads;
        long step = (size - header.dataStart()) / parts;
        List<Future<RangeScan>> scans = new ArrayList<>();
        for (int i = 0; i < parts; i++) {
            long from = header.dataStart() + i * step;
            long to = i == parts - 1 ? size : from + step;
            scans.add(run(pool, () -> RangeScan.of(file, from, to)));
        }
        List<Chunk> chunks = new ArrayList<>();
        long chunkStart = header.dataStart();
        long chunkLine = header.dataLine();
        long line = header.dataLine();
        int parity = 0;
        long lastQuoteLine = 0;
        for (int i = 0; i < parts; i++) {
            RangeScan range = join(scans.get(i));
            long cut = i == 0 ? -1 : range.breakAt()[parity];
            if (cut >= 0 && cut < size) {
                chunks.add(new Chunk(chunkStart, cut, chunkLine));
                chunkStart = cut;
                chunkLine = line + range.linesBeforeBreak()[parity] + 1;
            }
            if (range.quotes() > 0) {
                lastQuoteLine = line + range.linesBeforeLastQuote();
            }
            parity ^= (int) (range.quotes() & 1);
            line += range.lineBreaks();
        }
        if (parity == 1) {
            throw InvalidInputException.at(file, lastQuoteLine, 0,
                    "unterminated quoted field: a \" opens a value that never ends");
        }
        chunks.add(new Chunk(chunkStart, size, chunkLine));
        return chunks;
    }

    /**
     * The quotes and line breaks of one byte range. {@code breakAt[p]}: the offset after the first
     * line break met when the range's own quote count so far has parity p ({@code -1}: none);
     * {@code linesBeforeBreak[p]}: line breaks before it in the range.
     */
    record RangeScan(long quotes, long lineBreaks, long[] breakAt, long[] linesBeforeBreak, long linesBeforeLastQuote) {
        private static final VarHandle WORDS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
        private static final long QUOTES = 0x2222_2222_2222_2222L;
        private static final long LINE_FEEDS = 0x0A0A_0A0A_0A0A_0A0AL;
        private static final long ONES = 0x0101_0101_0101_0101L;
        private static final long HIGH_BITS = 0x8080_8080_8080_8080L;

        static RangeScan of(Path file, long from, long to) throws IOException {
            Counter counter = new Counter();
            ByteBuffer buffer = ByteBuffer.allocate(1 << 20);
            byte[] bytes = buffer.array();
            try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
                for (long pos = from; pos < to; ) {
                    buffer.clear().limit((int) Math.min(bytes.length, to - pos));
                    int n = ch.read(buffer, pos);
                    if (n <= 0) {
                        break;
                    }
                    int i = 0;
                    // eight bytes at a time: most words of a CSV file hold neither a quote nor a line feed
                    for (; i + 8 <= n; i += 8) {
                        long word = (long) WORDS.get(bytes, i);
                        if (hasByte(word, QUOTES) || hasByte(word, LINE_FEEDS)) {
                            for (int j = i; j < i + 8; j++) {
                                counter.visit(bytes[j], pos + j);
                            }
                        }
                    }
                    for (; i < n; i++) {
                        counter.visit(bytes[i], pos + i);
                    }
                    pos += n;
                }
            }
            return new RangeScan(counter.quotes, counter.lineBreaks, counter.breakAt, counter.linesBefore,
                    counter.linesBeforeLastQuote);
        }

        /** Whether a byte of the word equals the byte the pattern repeats (the SWAR zero-byte test). */
        private static boolean hasByte(long word, long pattern) {
            long x = word ^ pattern;
            return ((x - ONES) & ~x & HIGH_BITS) != 0;
        }

        private static final class Counter {
            long quotes;
            long lineBreaks;
            final long[] breakAt = {-1, -1};
            final long[] linesBefore = {0, 0};
            long linesBeforeLastQuote;

            void visit(byte b, long offset) {
                if (b == '"') {
                    quotes++;
                    linesBeforeLastQuote = lineBreaks;
                } else if (b == '\n') {
                    int p = (int) (quotes & 1);
                    if (breakAt[p] < 0) {
                        breakAt[p] = offset + 1;
                        linesBefore[p] = lineBreaks;
                    }
                    lineBreaks++;
                }
            }
        }
    }

    private static <T> T join(Future<T> future) throws IOException {
        try {
            return future.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /**
     * Fills the scanner's {@link CsvRow} from FastCSV's buffer, field by field; or, for a
     * {@link FieldSink}, hands the fields over in place and copies only the records it asks for.
     */
    private static final class RowHandler extends AbstractBaseCsvCallbackHandler<CsvRow> {
        private final CsvRow row;
        private final long firstLine;
        private final FieldSink<?> fields;
        private final MissingValues.Matcher missing;
        /** Whether the current record goes into the row. */
        private boolean copy = true;

        RowHandler(CsvRow row, long firstLine) {
            this(row, firstLine, null, null);
        }

        RowHandler(CsvRow row, long firstLine, FieldSink<?> fields, MissingValues.Matcher missing) {
            this.row = row;
            this.firstLine = firstLine;
            this.fields = fields;
            this.missing = missing;
        }

        @Override
        protected void handleBegin(long startingLineNumber) {
            long line = firstLine + startingLineNumber - 1;
            row.begin(line);
            copy = fields == null || fields.beginRow(line);
        }

        @Override
        protected void handleField(int index, char[] buf, int offset, int len, boolean quoted) {
            if (fields != null && index < row.width()) {
                fields.field(index, buf, offset, len, missing.test(buf, offset, len));
            }
            if (copy) {
                row.add(buf, offset, len);
            }
        }

        @Override
        protected CsvRow buildRecord() {
            if (copy) {
                row.finish();
            }
            return row;
        }

        /** The current record's field count, whether or not it was copied. */
        int fieldCount() {
            return getFieldCount();
        }

        boolean copied() {
            return copy;
        }

        /** The line of the record being read, for errors. */
        long line() {
            return firstLine + Math.max(1, getStartingLineNumber()) - 1;
        }
    }

    private <S extends RowSink<S>> ChunkResult<S> parse(Path file, int width, Chunk chunk, S sink) {
        long rows = 0;
        long shortRows = 0;
        List<Long> shortRowLines = new ArrayList<>();
        FieldSink<?> fields = sink instanceof FieldSink<?> f ? f : null;
        RowHandler handler = new RowHandler(new CsvRow(width, missing), chunk.firstLine(), fields, missing.matcher());
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            ch.position(chunk.start());
            // the decoder reads 8 KB at a time: a larger buffer saves most of the read calls
            InputStream in = new BufferedInputStream(BoundedInputStream.builder()
                    .setInputStream(Channels.newInputStream(ch)).setMaxCount(chunk.end() - chunk.start()).get(), 1 << 17);
            try (de.siegmar.fastcsv.reader.CsvReader<CsvRow> reader = reader(handler, in)) {
                for (CsvRow row : reader) {
                    int size = handler.fieldCount();
                    if (size != width) {
                        if (size < width && allowShortRows) {
                            shortRows++;
                            if (shortRowLines.size() < MAX_SHORT_ROW_LINES) {
                                shortRowLines.add(row.line());
                            }
                        } else {
                            throw InvalidInputException.at(file, row.line(), 0, "row has " + size
                                    + (size == 1 ? " field" : " fields") + " but the header has " + width + (size < width
                                    ? " (if the trailing fields are omitted on purpose, allow short rows)" : ""));
                        }
                    }
                    if (fields != null) {
                        fields.endRow(handler.copied() ? row : null, Math.min(size, width));
                    } else {
                        sink.accept(row);
                    }
                    rows++;
                }
            }
        } catch (IOException | UncheckedIOException | CsvParseException e) {
            throw malformed(file, handler.line(), e);
        }
        return new ChunkResult<>(sink, rows, shortRows, shortRowLines);
    }

    /** RFC 4180 as Excel and pandas write it; blank lines skipped; field counts checked by us, with line numbers. */
    private static de.siegmar.fastcsv.reader.CsvReader<CsvRow> reader(RowHandler handler, InputStream in) {
        return de.siegmar.fastcsv.reader.CsvReader.builder()
                .skipEmptyLines(true)
                .allowExtraFields(true)
                .allowMissingFields(true)
                .allowExtraCharsAfterClosingQuote(false)
                .detectBomHeader(false)
                .build(handler, decoder(in));
    }

    private static Reader decoder(InputStream in) {
        CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        return new InputStreamReader(in, utf8);
    }

    /** @param line the line of the record being read when it failed */
    private static InvalidInputException malformed(Path file, long line, Exception e) {
        Throwable cause = e;
        while ((cause instanceof UncheckedIOException || cause instanceof CsvParseException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        if (cause instanceof Error error) {
            // FastCSV wraps what the row callback throws: running out of heap is not a malformed file
            throw error;
        }
        if (cause instanceof CharacterCodingException) {
            long[] where = Utf8.firstMalformed(file);
            return InvalidInputException.at(file, where[0], where[1], "not valid UTF-8 text (binary data or another"
                    + " encoding such as Latin-1 or UTF-16; save the file as UTF-8)");
        }
        String message = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        if (message.startsWith("Unexpected character after closing quote")) {
            return InvalidInputException.at(file, line, 0, "unexpected character after a closing quote");
        }
        if (cause instanceof IOException) {
            return InvalidInputException.in(file, "cannot read: " + message);
        }
        return InvalidInputException.at(file, line, 0, "malformed CSV: " + message.replaceAll("\\s+", " "));
    }
}
