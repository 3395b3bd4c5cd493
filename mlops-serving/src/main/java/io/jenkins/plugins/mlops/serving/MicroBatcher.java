package io.jenkins.plugins.mlops.serving;

import io.jenkins.plugins.mlops.model.PackagedModel;
import io.jenkins.plugins.mlops.model.Prediction;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Joins the rows of concurrent requests into one network call: a worker takes whatever requests
 * are already waiting (never waits for more, so a lone request gets no extra latency) and scores
 * them together, which costs little more than scoring one. Outputs may differ from single-row
 * scoring in the last float bits, as BLAS blocks a batch differently. Only for networks with a
 * per-call overhead: any other scores on the request's own thread, as a hand-over between threads
 * would cost more than the rows.
 */
final class MicroBatcher implements AutoCloseable {
    static final int MAX_BATCH_ROWS = 256;

    private record Job(List<String[]> rows, CompletableFuture<List<Prediction>> result) {
    }

    private final PackagedModel model;
    private final LinkedBlockingQueue<Job> queue = new LinkedBlockingQueue<>();
    /** Null when the network scores each request directly. */
    private final Thread worker;
    private volatile boolean open = true;

    MicroBatcher(PackagedModel model, String name) {
        this.model = model;
        this.worker = model.hasCallOverhead() ? new Thread(this::work, "mlops-batcher-" + name) : null;
        if (worker != null) {
            worker.setDaemon(true);
            worker.start();
        }
    }

    List<Prediction> predict(List<String[]> rows) {
        if (worker == null || rows.size() >= MAX_BATCH_ROWS || !open) {
            return model.predict(rows);
        }
        Job job = new Job(rows, new CompletableFuture<>());
        queue.add(job);
        try {
            return job.result().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while scoring", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        }
    }

    private void work() {
        List<Job> batch = new ArrayList<>();
        while (open || !queue.isEmpty()) {
            try {
                Job first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.clear();
                batch.add(first);
                int rows = first.rows().size();
                for (Job next; rows < MAX_BATCH_ROWS && (next = queue.poll()) != null; ) {
                    batch.add(next);
                    rows += next.rows().size();
                }
                score(batch, rows);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void score(List<Job> batch, int rows) {
        try {
            List<String[]> all = new ArrayList<>(rows);
            batch.forEach(j -> all.addAll(j.rows()));
            List<Prediction> predictions = model.predict(all);
            int offset = 0;
            for (Job j : batch) {
                j.result().complete(predictions.subList(offset, offset + j.rows().size()));
                offset += j.rows().size();
            }
        } catch (RuntimeException e) {
            batch.forEach(j -> j.result().completeExceptionally(e));
        }
    }

    @Override
    public void close() {
        open = false;
        if (worker == null) {
            return;
        }
        try {
            worker.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
