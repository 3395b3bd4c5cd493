package io.jenkins.plugins.mlops.schema;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** Frictionless field constraints; absent ones are {@code null}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Constraints(
        Boolean required,
        Boolean unique,
        Double minimum,
        Double maximum,
        @com.fasterxml.jackson.annotation.JsonProperty("enum") List<String> allowed,
        String pattern,
        Integer minLength,
        Integer maxLength) {

    public static final Constraints NONE = new Constraints(null, null, null, null, null, null, null, null);

    public boolean requiresValue() {
        return Boolean.TRUE.equals(required);
    }
}
