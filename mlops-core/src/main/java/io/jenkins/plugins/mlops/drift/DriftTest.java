package io.jenkins.plugins.mlops.drift;

/**
 * One way to test a column for drift: a significance test and an effect size, which must both say
 * so (see {@link DriftConfig}). A new test implements this and joins {@link DriftDetector#TESTS}.
 */
public interface DriftTest {
    /** Bins of the reference and current shares a report draws. */
    int BINS = 12;

    /** The kind of sample this test is for (numeric values, category counts, ...). */
    Class<? extends DriftDetector.Sample> sampleType();

    default boolean accepts(DriftDetector.Sample sample) {
        return sampleType().isInstance(sample);
    }

    /** The smallest effect that counts as drift, from the configuration. */
    double effectFloor(DriftConfig config);

    /** The column's statistic, p-value and effect, with verdict NO_DRIFT (decided later) or INSUFFICIENT_DATA. */
    ColumnDrift measure(DriftDetector.Sample sample, DriftConfig config);
}
