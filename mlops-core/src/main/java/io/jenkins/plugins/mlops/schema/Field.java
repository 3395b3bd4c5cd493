package io.jenkins.plugins.mlops.schema;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Objects;

/** One column of a Frictionless Table Schema. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Field(String name, FieldType type, String title, String description, String format,
                    Constraints constraints) {
    public Field {
        Objects.requireNonNull(name, "field name");
        type = type == null ? FieldType.STRING : type;
        constraints = constraints == null ? Constraints.NONE : constraints;
    }

    public Field(String name, FieldType type, Constraints constraints) {
        this(name, type, null, null, null, constraints);
    }

}
