package io.jenkins.plugins.mlops.data;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;

/**
 * Summary statistics of one column, as written to {@code validation.json}'s {@code columns[]}.
 * Numeric fields are {@code null} for non-numeric columns, {@code topValues} for numeric ones.
 * {@code distinct} is exact from {@link Columns}, an estimate (HLL) from the streaming profile;
 * {@code quantiles} ({@code p1 ... p99}) come from the streaming profile only.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ColumnProfile(
        String name,
        String type,
        long count,
        long missing,
        long distinct,
        Double min,
        Double max,
        Double mean,
        Double stddev,
        Histogram histogram,
        Map<String, Long> topValues,
        Map<String, Double> quantiles) {

    /** Equal-width bins over [min, max]. */
    public record Histogram(double[] edges, long[] counts) {
    }
}
