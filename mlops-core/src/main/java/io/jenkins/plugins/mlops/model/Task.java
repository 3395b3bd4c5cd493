package io.jenkins.plugins.mlops.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

public enum Task {
    CLASSIFICATION,
    REGRESSION;

    @JsonValue
    public String jsonName() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static Task fromJson(String name) {
        for (Task t : values()) {
            if (t.jsonName().equals(name)) {
                return t;
            }
        }
        throw new IllegalArgumentException("unknown task '" + name + "' (expected classification or regression)");
    }
}
