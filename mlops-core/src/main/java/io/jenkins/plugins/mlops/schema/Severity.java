package io.jenkins.plugins.mlops.schema;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** How much an anomaly matters: an error fails the step, a warning is reported only. */
public enum Severity {
    ERROR,
    WARNING;

    @JsonValue
    public String jsonName() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static Severity fromJson(String name) {
        for (Severity s : values()) {
            if (s.jsonName().equalsIgnoreCase(name)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown severity '" + name + "' (expected error or warning)");
    }
}
