package io.jenkins.plugins.mlops.profile;

import io.jenkins.plugins.mlops.contract.InvalidInputException;
import io.jenkins.plugins.mlops.contract.Json;
import io.jenkins.plugins.mlops.data.ColumnProfile;
import io.jenkins.plugins.mlops.data.Table;
import io.jenkins.plugins.mlops.schema.Schema;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;

/**
 * A data set's profile saved for later comparisons ({@code validate --save-profile}, then
 * {@code --reference profile.json}): its schema, column statistics and row sample, so that the
 * training data need not be kept or re-read to check a serving batch against it.
 */
public record SavedProfile(String format, String source, String sha256, long rows, Schema schema,
                           List<ColumnProfile> columns, List<String> sampleColumns, List<String[]> sampleRows,
                           long[] sampleLines) {
    public static final String FORMAT = "mlops-profile/1";

    public Table sample() {
        return new Table(source, sampleColumns, sampleRows, sampleLines);
    }

    /** The profile as its file holds it: compact JSON, since its row sample is large. */
    public byte[] bytes() {
        try {
            return Json.COMPACT.writeValueAsBytes(this);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the profile as JSON", e);
        }
    }

    public static SavedProfile read(Path file) {
        SavedProfile profile = Json.readJson(file, SavedProfile.class);
        if (!FORMAT.equals(profile.format())) {
            throw InvalidInputException.in(file, "not a saved profile (format '" + profile.format() + "', expected '"
                    + FORMAT + "')");
        }
        return profile;
    }

    /** A reference given as a saved profile rather than a CSV file. */
    public static boolean isProfile(Path file) {
        return file.getFileName().toString().endsWith(".json");
    }
}
