package io.jenkins.plugins.mlops.schema;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;
import java.util.Objects;

/**
 * One column of a Frictionless Table Schema, plus two documented extensions (prefixed
 * {@code mlops:} so that other Frictionless tools ignore them):
 *
 * @param maxMissingFraction {@code mlops:maxMissingFraction}: the largest share of missing values
 *     allowed before a {@code missing_fraction} anomaly (Frictionless only knows required or not)
 * @param severity {@code mlops:severity}: anomaly kind -> {@code error} or {@code warning}, to
 *     downgrade (or upgrade) one check of one column, e.g. {@code {"out_of_range": "warning"}}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Field(String name, FieldType type, String title, String description, String format,
                    Constraints constraints,
                    @JsonProperty("mlops:maxMissingFraction") Double maxMissingFraction,
                    @JsonProperty("mlops:severity") Map<String, Severity> severity) {
    public Field {
        Objects.requireNonNull(name, "field name");
        type = type == null ? FieldType.STRING : type;
        constraints = constraints == null ? Constraints.NONE : constraints;
        if (maxMissingFraction != null && !(maxMissingFraction >= 0 && maxMissingFraction <= 1)) {
            throw new IllegalArgumentException("mlops:maxMissingFraction must be between 0 and 1");
        }
    }

    public Field(String name, FieldType type, Constraints constraints) {
        this(name, type, null, null, null, constraints, null, null);
    }

    /** The severity of an anomaly kind in this column: the override, or {@code standard}. */
    public Severity severityOf(String kind, Severity standard) {
        return severity == null ? standard : severity.getOrDefault(kind, standard);
    }
}
