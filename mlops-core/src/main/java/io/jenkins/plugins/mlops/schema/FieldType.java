package io.jenkins.plugins.mlops.schema;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Locale;

/** Frictionless Table Schema field types that this project understands. */
public enum FieldType {
    INTEGER,
    NUMBER,
    BOOLEAN,
    DATE,
    DATETIME,
    STRING;

    @JsonValue
    public String jsonName() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static FieldType fromJson(String name) {
        for (FieldType t : values()) {
            if (t.jsonName().equals(name)) {
                return t;
            }
        }
        throw new IllegalArgumentException("unknown field type '" + name + "' (known: "
                + Arrays.stream(values()).map(FieldType::jsonName).toList() + ")");
    }

    public boolean isNumeric() {
        return this == INTEGER || this == NUMBER;
    }

    /** Whether a non-missing raw value is of this type. */
    public boolean accepts(String value) {
        return switch (this) {
            case INTEGER -> parseLong(value);
            case NUMBER -> parseDouble(value) != null;
            case BOOLEAN -> value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false");
            case DATE -> parses(() -> LocalDate.parse(value));
            case DATETIME -> parses(() -> LocalDateTime.parse(value)) || parses(() -> OffsetDateTime.parse(value));
            case STRING -> true;
        };
    }

    /**
     * The numeric value of a raw field, {@code null} when it is not a number. Accepts decimal and
     * exponent notation and Frictionless' {@code NaN}, {@code INF}, {@code -INF}; rejects what only
     * Java would take (hex floats, {@code 1d}/{@code 1f} suffixes).
     */
    public static Double parseDouble(String value) {
        String v = value.trim();
        if (v.isEmpty() || v.indexOf('x') >= 0 || v.indexOf('X') >= 0) {
            return null;
        }
        switch (v) {
            case "NaN":
                return Double.NaN;
            case "INF", "+INF", "Infinity", "+Infinity":
                return Double.POSITIVE_INFINITY;
            case "-INF", "-Infinity":
                return Double.NEGATIVE_INFINITY;
            default:
                break;
        }
        char last = v.charAt(v.length() - 1);
        if (!Character.isDigit(last) && last != '.') {
            return null;
        }
        try {
            return Double.valueOf(v);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static boolean parseLong(String value) {
        try {
            Long.parseLong(value.trim());
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static boolean parses(Runnable parse) {
        try {
            parse.run();
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }
}
