package io.jenkins.plugins.mlops.drift;

import java.util.List;
import java.util.Map;

/**
 * The drift evidence for one column, written for every column compared, drifted or not.
 *
 * @param test {@code ks} (two-sample Kolmogorov–Smirnov) or {@code chi2} (chi-square homogeneity)
 * @param statistic the test statistic (D, or chi-square)
 * @param pValue the raw p-value; {@code adjustedPValue} after Benjamini–Hochberg
 * @param effect the effect size: {@code wasserstein/sd} or {@code jensen-shannon}
 * @param threshold the rule, e.g. {@code p_adj <= 0.05 and effect >= 0.1}
 * @param distances every distance computed, whether it decides or not: {@code wasserstein/sd} and
 *     {@code psi} (numeric); {@code jensen-shannon}, {@code linf} and {@code linf-robust}
 *     (categorical: L∞ minus Deequ's sample-size term 1.8·sqrt((n+m)/(n·m)))
 * @param bins labels of the distribution bins, with the share of each side in them
 */
public record ColumnDrift(
        String column,
        String test,
        Double statistic,
        Double pValue,
        Double adjustedPValue,
        String effectName,
        Double effect,
        String threshold,
        Map<String, Double> distances,
        SampleSizes sampleSizes,
        DriftVerdict verdict,
        List<String> bins,
        double[] referenceShare,
        double[] currentShare) {

    public record SampleSizes(long reference, long current) {
    }

    ColumnDrift withDecision(Double adjusted, DriftVerdict newVerdict) {
        return new ColumnDrift(column, test, statistic, pValue, adjusted, effectName, effect, threshold, distances,
                sampleSizes, newVerdict, bins, referenceShare, currentShare);
    }
}
