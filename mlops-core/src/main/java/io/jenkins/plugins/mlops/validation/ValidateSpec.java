package io.jenkins.plugins.mlops.validation;

import io.jenkins.plugins.mlops.data.MissingValues;
import io.jenkins.plugins.mlops.drift.DriftConfig;
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
 */
public record ValidateSpec(Path data, Path schema, Path reference, boolean allowShortRows, MissingValues missingValues,
                           DriftConfig drift) {
    public ValidateSpec(Path data, Path schema, Path reference) {
        this(data, schema, reference, false, null, DriftConfig.DEFAULT);
    }
}
