package io.jenkins.plugins.mlops.schema;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.jenkins.plugins.mlops.contract.InvalidInputException;
import io.jenkins.plugins.mlops.contract.Json;
import io.jenkins.plugins.mlops.data.MissingValues;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A Frictionless Table Schema (https://specs.frictionlessdata.io/table-schema/), the subset we use,
 * plus documented extensions prefixed {@code mlops:}:
 *
 * @param minRows {@code mlops:minRows}: fewer data rows is a {@code too_few_rows} error
 * @param maxRowCountChange {@code mlops:maxRowCountChange}: the largest relative change of the row
 *     count versus a reference (0.5 = ±50 %) before a {@code row_count_change} warning
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Schema(List<Field> fields, List<String> missingValues, String title, String description,
                     @JsonProperty("primaryKey") Object primaryKey,
                     @JsonProperty("mlops:minRows") Long minRows,
                     @JsonProperty("mlops:maxRowCountChange") Double maxRowCountChange) {
    public Schema {
        fields = List.copyOf(fields == null ? List.of() : fields);
    }

    public Schema(List<Field> fields, List<String> missingValues) {
        this(fields, missingValues, null, null, null, null, null);
    }

    public Schema withMissingValues(MissingValues missing) {
        return new Schema(fields, List.copyOf(missing.markers()), title, description, primaryKey, minRows,
                maxRowCountChange);
    }

    public Optional<Field> field(String name) {
        return fields.stream().filter(f -> f.name().equals(name)).findFirst();
    }

    public MissingValues missing() {
        return missingValues == null ? MissingValues.DEFAULT : new MissingValues(new LinkedHashSet<>(missingValues));
    }

    public static Schema read(Path file) {
        Schema schema = Json.readJson(file, Schema.class);
        if (schema.fields().isEmpty()) {
            throw InvalidInputException.in(file, "schema has no fields");
        }
        Set<String> names = new HashSet<>();
        for (Field f : schema.fields()) {
            if (!names.add(f.name())) {
                throw InvalidInputException.in(file, "field '" + f.name() + "' is defined twice");
            }
        }
        return schema;
    }
}
