package io.jenkins.plugins.mlops.evaluation;

import io.jenkins.plugins.mlops.contract.Check;
import io.jenkins.plugins.mlops.data.Table;
import io.jenkins.plugins.mlops.model.PackagedModel;
import io.jenkins.plugins.mlops.model.Prediction;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * One kind of test of a model test suite. A new kind is one class implementing this, listed in
 * {@link ModelTestStep#TESTS}; the step scores the rows once and hands every test the same run.
 */
interface ModelTest {
    /** Whether this run asks for the test (its suite names it, or a baseline was given). */
    boolean requested(Run run);

    /** The test's checks; a section of the result it fills (e.g. {@code slices}) goes into {@code sections}. */
    List<Check> checks(Run run, Map<String, Object> sections);

    /**
     * What every test of one run sees.
     *
     * @param baseline the model compared with, or {@code null}
     * @param rows the labelled rows, with the columns metrics read (label, slice and fairness columns)
     * @param baselinePredictions the baseline's predictions on {@code rows}, or {@code null}
     * @param metrics the model's headline metrics on {@code rows}
     * @param sample a seeded sample of the labelled rows with every column ({@link TestRows#SAMPLE} at most), for
     *     the tests that score rows again
     * @param samplePredictions the model's predictions on {@code sample}
     */
    record Run(PackagedModel model, PackagedModel baseline, TestSuite suite, Table rows, Path dataFile, Scoring scoring,
               List<Prediction> predictions, List<Prediction> baselinePredictions, Map<String, Double> metrics,
               Table sample, List<Prediction> samplePredictions) {
        /** Every row's index, for metrics over all rows. */
        int[] all() {
            return IntStream.range(0, rows.rowCount()).toArray();
        }
    }
}
