package io.jenkins.plugins.mlops.schema;

import com.fasterxml.jackson.annotation.JsonCreator;
import ch.randelshofer.fastdoubleparser.JavaDoubleParser;
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
            case INTEGER -> parseLongOrNull(value) != null;
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
        double simple = simpleDecimal(value);
        if (!Double.isNaN(simple)) {
            return simple;
        }
        String v = value.trim();
        if (v.isEmpty()) {
            return null;
        }
        char last = v.charAt(v.length() - 1);
        if ((last >= '0' && last <= '9' || last == '.') && v.indexOf('x') < 0 && v.indexOf('X') < 0) {
            try {
                return JavaDoubleParser.parseDouble(v);
            } catch (NumberFormatException e) {
                return null;
            }
        }
        switch (v) {
            case "NaN":
                return Double.NaN;
            case "INF", "+INF", "Infinity", "+Infinity":
                return Double.POSITIVE_INFINITY;
            case "-INF", "-Infinity":
                return Double.NEGATIVE_INFINITY;
            default:
                return null;
        }
    }

    private static final double[] POWERS_OF_TEN = {1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12,
        1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};

    /**
     * Plain decimals such as {@code -57.1234}, the bulk of real numeric columns, without a general
     * parser: digits into an exact integer, then one division by an exact power of ten, which
     * IEEE 754 rounds correctly (Clinger's fast path, as in every correct parser). NaN when the
     * text is anything else (exponent, whitespace, more than 15 digits, ...); the caller then
     * takes the general path.
     */
    static double simpleDecimal(String v) {
        int n = v.length();
        if (n == 0 || n > 17) {
            return Double.NaN;
        }
        int i = 0;
        boolean negative = false;
        char c = v.charAt(0);
        if (c == '-' || c == '+') {
            negative = c == '-';
            i = 1;
        }
        long mantissa = 0;
        int digits = 0;
        int fraction = -1;
        for (; i < n; i++) {
            c = v.charAt(i);
            if (c >= '0' && c <= '9') {
                mantissa = mantissa * 10 + (c - '0');
                digits++;
            } else if (c == '.' && fraction < 0) {
                fraction = 0;
                continue;
            } else {
                return Double.NaN;
            }
            if (fraction >= 0) {
                fraction++;
            }
        }
        if (digits == 0 || digits > 15) {
            return Double.NaN;
        }
        double value = fraction > 0 ? mantissa / POWERS_OF_TEN[fraction] : mantissa;
        return negative ? -value : value;
    }

    /** The value of a raw field of a numeric type, {@code null} when it is not of that type. */
    public static Double parseNumber(FieldType type, String value) {
        if (type == INTEGER) {
            Long l = parseLongOrNull(value);
            return l == null ? null : (double) l;
        }
        return parseDouble(value);
    }

    /** Decimal integers with an optional sign, without the exception cost of Long.parseLong on bad input. */
    private static Long parseLongOrNull(String value) {
        String v = value.trim();
        int i = v.startsWith("-") || v.startsWith("+") ? 1 : 0;
        if (i == v.length() || v.length() - i > 18) {
            return v.length() - i > 18 && v.length() - i <= 19 && allDigits(v, i) ? parseLongSlow(v) : null;
        }
        long n = 0;
        for (; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c < '0' || c > '9') {
                return null;
            }
            n = n * 10 + (c - '0');
        }
        return v.charAt(0) == '-' ? -n : n;
    }

    private static boolean allDigits(String v, int from) {
        for (int i = from; i < v.length(); i++) {
            if (v.charAt(i) < '0' || v.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    private static Long parseLongSlow(String v) {
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            return null;
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
