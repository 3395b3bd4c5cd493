package io.jenkins.plugins.mlops.schema;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.jenkins.plugins.mlops.data.NumberText;
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
            case INTEGER, NUMBER -> isNumber(parseNumber(this, value.toCharArray(), 0, value.length()));
            case BOOLEAN -> value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false");
            case DATE -> parses(() -> LocalDate.parse(value));
            case DATETIME -> parses(() -> LocalDateTime.parse(value)) || parses(() -> OffsetDateTime.parse(value));
            case STRING -> true;
        };
    }

    /** Whether a result of {@link #parseNumber} is a number (NaN and infinities included). */
    public static boolean isNumber(double parsed) {
        return NumberText.isNumber(parsed);
    }

    /** The numeric value of a raw field, {@code null} when it is not a number: {@link NumberText#parseDouble}. */
    public static Double parseDouble(String value) {
        return NumberText.parseDouble(value);
    }

    /**
     * The value of {@code len} characters at {@code offset} as a number of a numeric type, or
     * {@link NumberText#NOT_A_NUMBER}: in place in a parser's buffer, the hot path of validation.
     */
    public static double parseNumber(FieldType type, char[] buf, int offset, int len) {
        return type == INTEGER ? NumberText.parseInteger(buf, offset, len) : NumberText.parseDecimal(buf, offset, len);
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
