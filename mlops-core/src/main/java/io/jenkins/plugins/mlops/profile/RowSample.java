package io.jenkins.plugins.mlops.profile;

import io.jenkins.plugins.mlops.data.CsvRow;
import io.jenkins.plugins.mlops.data.RowSink;
import io.jenkins.plugins.mlops.data.Table;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A uniform random sample of at most {@code k} rows that is the same every run: each row's line
 * number is hashed, and the rows with the smallest hashes are kept (bottom-k sampling, the idea
 * behind DataSketches' theta sketches, applied to whole rows so that columns keep their joint
 * distribution). Samples of chunks merge into the sample of the file. Drift tests and the
 * exploratory statistics run on it, so that their cost does not grow with the file.
 *
 * <p>The chunks of a file share a bound: once any chunk holds k rows, a row hashed above its
 * largest cannot be in the file's sample, so no chunk copies it. Without it each chunk would copy
 * about k(1 + ln(n/k)) rows of its own; the merged sample is the same either way.
 */
public final class RowSample implements RowSink<RowSample> {
    public static final int DEFAULT_SIZE = 10_000;

    private record Entry(long hash, long line, CsvRow row) {
    }

    /** What the samples of one file's chunks share: their size, and the bound on hashes that can still make it. */
    public static final class Shared {
        private final int k;
        private final AtomicLong bound = new AtomicLong(Long.MAX_VALUE);

        public Shared(int k) {
            this.k = k;
        }

        public RowSample newSample() {
            return new RowSample(this);
        }
    }

    private final Shared shared;
    private final int k;
    /** Largest hash on top, so that it is the one to drop. */
    private final PriorityQueue<Entry> heap = new PriorityQueue<>((a, b) -> Long.compare(b.hash(), a.hash()));

    public RowSample(int k) {
        this(new Shared(k));
    }

    private RowSample(Shared shared) {
        this.shared = shared;
        this.k = shared.k;
    }

    /** Whether the row on this line could enter the sample: most rows are decided by their line's hash alone. */
    public boolean wants(long line) {
        return admits(mix(line));
    }

    private boolean admits(long hash) {
        return hash < shared.bound.get() && (heap.size() < k || hash < heap.peek().hash());
    }

    /** Copies the row only when it enters the sample. */
    @Override
    public void accept(CsvRow row) {
        long hash = mix(row.line());
        if (admits(hash)) {
            offer(new Entry(hash, row.line(), row.copy()));
            if (heap.size() == k) {
                shared.bound.accumulateAndGet(heap.peek().hash(), Math::min);
            }
        }
    }

    @Override
    public void merge(RowSample later) {
        later.heap.forEach(this::offer);
    }

    /** Keeps the k rows with the smallest hashes. */
    private void offer(Entry e) {
        if (heap.size() < k) {
            heap.add(e);
        } else if (e.hash() < heap.peek().hash()) {
            heap.poll();
            heap.add(e);
        }
    }

    /** The sampled rows in file order. */
    public Table toTable(String source, List<String> columns) {
        List<Entry> entries = new ArrayList<>(heap);
        entries.sort(Comparator.comparingLong(Entry::line));
        return new Table(source, columns, entries.stream().map(e -> e.row().values()).toList(),
                entries.stream().mapToLong(Entry::line).toArray());
    }

    /** SplitMix64's finaliser: consecutive line numbers spread over the whole long range. */
    public static long mix(long x) {
        long z = x + 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return (z ^ (z >>> 31)) & Long.MAX_VALUE;
    }
}
