package io.jenkins.plugins.mlops.validation;

import io.jenkins.plugins.mlops.data.MissingValues;
import io.jenkins.plugins.mlops.drift.DriftConfig;
import io.jenkins.plugins.mlops.profile.RowSample;
import java.nio.file.Path;

/**
 * Parameters of the validation step.
 *
 * @param data the CSV file to validate
 * @param schema a Frictionless Table Schema to check against; {@code null}: infer one from the data
 * @param reference a CSV file to compare distributions with (training vs serving skew); may be null
 * @param allowShortRows read rows with omitted trailing fields as missing values (a warning)
 *     instead of rejecting the file
 * @param missingValues the strings that mean "missing"; {@code null}: the schema's
 *     {@code missingValues}, else {@link MissingValues#DEFAULT}
 * @param drift the drift thresholds
 * @param threads parallel chunks of large files (default: all cores)
 * @param sampleSize rows sampled per file for the drift tests and the exploratory statistics
 * @param label the label column, for the exploratory section (label distribution, association);
 *     may be null
 * @param saveProfile where to save this file's profile for later use as a reference; may be null
 */
public record ValidateSpec(Path data, Path schema, Path reference, boolean allowShortRows, MissingValues missingValues,
                           DriftConfig drift, int threads, int sampleSize, String label, Path saveProfile) {
    public ValidateSpec(Path data, Path schema, Path reference) {
        this(data, schema, reference, false, null, DriftConfig.DEFAULT, Runtime.getRuntime().availableProcessors(),
                RowSample.DEFAULT_SIZE, null, null);
    }

    public ValidateSpec withLabel(String column) {
        return new ValidateSpec(data, schema, reference, allowShortRows, missingValues, drift, threads, sampleSize, column,
                saveProfile);
    }

    public ValidateSpec withSaveProfile(Path file) {
        return new ValidateSpec(data, schema, reference, allowShortRows, missingValues, drift, threads, sampleSize, label,
                file);
    }
}
