package io.jenkins.plugins.mlops.validation;

import java.nio.file.Path;

/**
 * Parameters of the validation step.
 *
 * @param data the CSV file to validate
 * @param schema a Frictionless Table Schema to check against; {@code null}: infer one from the data
 * @param reference a CSV file to compare distributions with (training vs serving skew); may be null
 */
public record ValidateSpec(Path data, Path schema, Path reference) {
}
