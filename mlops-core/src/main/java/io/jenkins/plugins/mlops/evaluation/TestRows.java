package io.jenkins.plugins.mlops.evaluation;

import io.jenkins.plugins.mlops.contract.InvalidInputException;
import io.jenkins.plugins.mlops.data.MissingValues;
import io.jenkins.plugins.mlops.data.Table;
import io.jenkins.plugins.mlops.data.TableBatches;
import io.jenkins.plugins.mlops.data.TableBuilder;
import io.jenkins.plugins.mlops.model.PackagedModel;
import io.jenkins.plugins.mlops.model.Prediction;
import io.jenkins.plugins.mlops.model.Task;
import io.jenkins.plugins.mlops.schema.FieldType;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import java.util.stream.IntStream;

/**
 * What the test step keeps of the labelled rows it scores a batch at a time: for every row the label and the
 * columns slices and fairness groups are cut by, with the model's (and the baseline's) predictions; and a seeded
 * uniform sample of whole rows for the tests that score rows again (sanity, invariance, direction, latency,
 * importance). A file of any length is tested in memory bounded by its row count times a few numbers; a file of
 * at most {@link #SAMPLE} labelled rows has all of them, in file order, in the sample.
 *
 * @param rows every labelled row, with only the columns the metrics read
 * @param baseline the model compared with, or null
 * @param baselinePredictions null without a baseline
 * @param sample at most {@link #SAMPLE} labelled rows with every column, in file order
 */
record TestRows(Table rows, List<Prediction> predictions, PackagedModel baseline, List<Prediction> baselinePredictions,
                Table sample) {
    static final int SAMPLE = 10_000;
    private static final int BATCH = 8192;
    private static final long SEED = 20_261_204L;

    /** Streams the file in columnar batches. */
    static TestRows read(Path file, PackagedModel model, PackagedModel baseline, TestSuite suite) {
        Accumulator[] accumulator = new Accumulator[1];
        TableBatches.read(file, MissingValues.DEFAULT, BATCH,
                columns -> accumulator[0] = new Accumulator(file, columns, model, baseline, suite),
                batch -> accumulator[0].accept(batch));
        return accumulator[0].result();
    }

    /** The same from a table in memory, cut into the same batches. */
    static TestRows of(Table data, Path file, PackagedModel model, PackagedModel baseline, TestSuite suite) {
        Accumulator accumulator = new Accumulator(file, data.columns(), model, baseline, suite);
        for (int from = 0; from < data.rowCount(); from += BATCH) {
            accumulator.accept(data.select(IntStream.range(from, Math.min(data.rowCount(), from + BATCH)).toArray()));
        }
        return accumulator.result();
    }

    private static final class Accumulator implements Consumer<Table> {
        private final Path file;
        private final List<String> columns;
        private final PackagedModel model;
        private final PackagedModel baseline;
        private final int labelColumn;
        /** The file's columns the metrics read: the label first, then slices' and fairness's. */
        private final int[] kept;
        private final TableBuilder rows;
        private final CompactPredictions predictions;
        private final CompactPredictions baselinePredictions;
        private final List<Sampled> sample = new ArrayList<>();
        private final SplittableRandom random = new SplittableRandom(SEED);
        private long seen;

        private record Sampled(long index, long line, String[] values) {
        }

        Accumulator(Path file, List<String> columns, PackagedModel model, PackagedModel baseline, TestSuite suite) {
            this.file = file;
            this.columns = columns;
            this.model = model;
            this.baseline = baseline;
            String label = model.preprocessor().label();
            labelColumn = columns.indexOf(label);
            if (labelColumn < 0) {
                throw InvalidInputException.at(file, 1, 0, "label column '" + label + "' is not in the data"
                        + " (columns: " + columns + ")");
            }
            Set<String> names = new LinkedHashSet<>(List.of(label));
            if (suite.slices() != null && suite.slices().by() != null) {
                names.addAll(suite.slices().by());
            }
            if (suite.fairness() != null && suite.fairness().column() != null) {
                names.add(suite.fairness().column());
            }
            names.retainAll(columns);
            kept = names.stream().mapToInt(columns::indexOf).toArray();
            rows = new TableBuilder(file.getFileName().toString(), List.copyOf(names));
            predictions = new CompactPredictions(model.preprocessor());
            baselinePredictions = baseline == null ? null : new CompactPredictions(baseline.preprocessor());
        }

        @Override
        public void accept(Table batch) {
            Table labelled = batch.filter(r -> !batch.isMissing(r, labelColumn));
            boolean regression = model.info().task() == Task.REGRESSION;
            for (int r = 0; r < labelled.rowCount(); r++) {
                if (regression && FieldType.parseDouble(labelled.value(r, labelColumn)) == null) {
                    throw InvalidInputException.at(file, labelled.line(r), labelColumn + 1, "label '"
                            + labelled.value(r, labelColumn) + "' is not a number");
                }
                String[] values = new String[kept.length];
                for (int i = 0; i < kept.length; i++) {
                    values[i] = labelled.value(r, kept[i]);
                }
                rows.add(values, labelled.line(r));
                keep(labelled, r);
            }
            predictions.append(model.predict(labelled));
            if (baseline != null) {
                baselinePredictions.append(baseline.predict(labelled));
            }
        }

        /** Algorithm R: every labelled row read so far is in the sample with the same chance. */
        private void keep(Table labelled, int r) {
            long index = seen++;
            if (sample.size() < SAMPLE) {
                sample.add(new Sampled(index, labelled.line(r), labelled.row(r)));
            } else {
                long slot = random.nextLong(index + 1);
                if (slot < SAMPLE) {
                    sample.set((int) slot, new Sampled(index, labelled.line(r), labelled.row(r)));
                }
            }
        }

        TestRows result() {
            if (rows.rows() == 0) {
                throw InvalidInputException.in(file, "no rows with a value in label column '"
                        + model.preprocessor().label() + "'");
            }
            List<Sampled> ordered = sample.stream().sorted(Comparator.comparingLong(Sampled::index)).toList();
            Table sampled = new Table(file.getFileName().toString(), columns,
                    ordered.stream().map(Sampled::values).toList(), ordered.stream().mapToLong(Sampled::line).toArray());
            return new TestRows(rows.build(), predictions, baseline, baselinePredictions, sampled);
        }
    }
}
