package io.jenkins.plugins.mlops.serving;

import io.jenkins.plugins.mlops.data.Table;
import io.jenkins.plugins.mlops.drift.ColumnDrift;
import io.jenkins.plugins.mlops.drift.DriftConfig;
import io.jenkins.plugins.mlops.drift.DriftDetector;
import io.jenkins.plugins.mlops.drift.DriftSamples;
import io.jenkins.plugins.mlops.model.PackagedModel;
import io.jenkins.plugins.mlops.model.Prediction;
import io.jenkins.plugins.mlops.scoring.ScoredReference;
import java.util.Arrays;
import java.util.List;

/**
 * The latest requests of one deployed version against its training reference: input drift per
 * feature and prediction drift (the model's answers now against its answers on the reference
 * rows), with the validation engine's tests, corrections and effect floors, so that a gauge turns
 * on the same evidence as {@code mlops validate} and {@code mlops monitor}. Holds the last
 * {@value #CAPACITY} rows; compared when metrics are scraped, and only when rows arrived since.
 */
final class TrafficDrift {
    static final int CAPACITY = 1_000;
    /** The prediction's column in both tables: it joins the features as one more compared column. */
    static final String PREDICTION = ScoredReference.PREDICTION;

    private final PackagedModel model;
    private final List<String> columns;
    private final String[][] window = new String[CAPACITY][];
    private long recorded;
    private long comparedAt;
    private List<ColumnDrift> lastComparison = List.of();
    /** Built on the first comparison: a server that is never scraped never reads the reference. */
    private DriftSamples.Reference reference;
    private boolean hasReference = true;
    private final Object referenceLock = new Object();
    private final DriftDetector detector = new DriftDetector(DriftConfig.DEFAULT);

    TrafficDrift(PackagedModel model) {
        this.model = model;
        this.columns = ScoredReference.columns(model);
    }

    /** Rows in feature order with their predictions; the oldest give way. */
    synchronized void record(List<String[]> rows, List<Prediction> predictions) {
        for (int r = 0; r < rows.size(); r++) {
            window[(int) (recorded++ % CAPACITY)] = ScoredReference.withPrediction(model, rows.get(r), predictions.get(r));
        }
    }

    /** Rows in the window now. */
    synchronized int rows() {
        return (int) Math.min(recorded, CAPACITY);
    }

    /**
     * One result per compared column, {@link #PREDICTION} last; empty when the package has no
     * reference. The window is copied under the lock and compared outside it, so that requests
     * are not held up by a scrape.
     */
    List<ColumnDrift> compare() {
        List<String[]> rows;
        long at;
        synchronized (this) {
            if (recorded == comparedAt) {
                return lastComparison;
            }
            rows = List.copyOf(Arrays.asList(window).subList(0, rows()));
            at = recorded;
        }
        DriftSamples.Reference baseline = reference();
        if (baseline == null) {
            return List.of();
        }
        List<ColumnDrift> result = detector.compare(baseline.against(
                new Table("traffic", columns, rows, new long[rows.size()])));
        synchronized (this) {
            if (at > comparedAt) {
                lastComparison = result;
                comparedAt = at;
            }
        }
        return result;
    }

    private DriftSamples.Reference reference() {
        synchronized (referenceLock) {
            if (reference == null && hasReference) {
                reference = ScoredReference.of(model);
                hasReference = reference != null;
            }
            return reference;
        }
    }
}
