package io.jenkins.plugins.mlops.profile;

import io.jenkins.plugins.mlops.data.RowSink;
import io.jenkins.plugins.mlops.data.Table;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

/**
 * A uniform random sample of at most {@code k} rows that is the same every run: each row's line
 * number is hashed, and the rows with the smallest hashes are kept (bottom-k sampling, the idea
 * behind DataSketches' theta sketches, applied to whole rows so that columns keep their joint
 * distribution). Samples of chunks merge into the sample of the file. Drift tests and the
 * exploratory statistics run on it, so that their cost does not grow with the file.
 */
public final class RowSample implements RowSink<RowSample> {
    public static final int DEFAULT_SIZE = 10_000;

    private record Entry(long hash, long line, String[] row) {
    }

    private final int k;
    /** Largest hash on top, so that it is the one to drop. */
    private final PriorityQueue<Entry> heap = new PriorityQueue<>(Comparator.comparingLong(Entry::hash).reversed());

    public RowSample(int k) {
        this.k = k;
    }

    @Override
    public void accept(String[] row, long line) {
        offer(new Entry(mix(line), line, row));
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
        return new Table(source, columns, entries.stream().map(Entry::row).toList(),
                entries.stream().mapToLong(Entry::line).toArray());
    }

    /** SplitMix64's finaliser: consecutive line numbers spread over the whole long range. */
    static long mix(long x) {
        long z = x + 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return (z ^ (z >>> 31)) & Long.MAX_VALUE;
    }
}
