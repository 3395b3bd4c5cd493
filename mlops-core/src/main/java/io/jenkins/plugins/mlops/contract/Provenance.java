package io.jenkins.plugins.mlops.contract;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * What a result judged, by SHA-256: the data file it read, the hold-out rows it wrote (training),
 * and the model package (the SHA-256 of its manifest, as the registry names it). Every step that
 * reads data or a model writes it as the {@value #SECTION} section, so that the gate can tell
 * whether validation, training and tests looked at the same data and the same model.
 *
 * @param data the data file the step read; {@code null} when it read none
 * @param holdout the hold-out rows training wrote for the tests; {@code null} for other steps
 * @param model the model package's digest; {@code null} when the step judged no model
 * @param traffic the prediction log the step read (monitoring, canary, shadow), by the digest of its
 *     files; {@code null} for other steps
 * @param serving the digest of the model already serving that the step compared with, or judged
 *     in production (monitoring): never the candidate, so the gate does not take it for one
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Provenance(DataFile data, DataFile holdout, String model, DataFile traffic, String serving) {
    public static final String SECTION = "provenance";

    public Provenance(DataFile data, DataFile holdout, String model) {
        this(data, holdout, model, null, null);
    }

    /** A data file by name (for people) and content (for the comparison). */
    public record DataFile(String file, String sha256) {
    }

    /** The provenance of a result read from its JSON; {@code null} when it names none (older results). */
    public static Provenance of(JsonNode result) {
        JsonNode p = result.get(SECTION);
        if (p == null || !p.isObject()) {
            return null;
        }
        return new Provenance(dataFile(p.get("data")), dataFile(p.get("holdout")), text(p.get("model")),
                dataFile(p.get("traffic")), text(p.get("serving")));
    }

    private static DataFile dataFile(JsonNode node) {
        return node == null || !node.hasNonNull("sha256") ? null
                : new DataFile(node.path("file").asText(), node.get("sha256").asText());
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() ? null : node.asText();
    }
}
