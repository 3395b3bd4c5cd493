package io.jenkins.plugins.mlops.data;

import ch.randelshofer.fastdoubleparser.JavaDoubleParser;

/**
 * Numbers in CSV text, parsed in place: the primitives under the schema's numeric types
 * (Frictionless' {@code NaN}, {@code INF}, {@code -INF} included), kept beside the reader so that
 * reading data never depends on the schema.
 */
public final class NumberText {
    private NumberText() {
    }

    /**
     * What the parsers return for text that is not a number: a NaN whose
     * bits no parser produces (a parsed {@code NaN} is the canonical one), so that the hot path
     * needs neither a boxed Double nor an exception per value.
     */
    public static final double NOT_A_NUMBER = Double.longBitsToDouble(0x7ff8_0000_0000_0badL);

    /** Whether a parser's result is a number (NaN and infinities included). */
    public static boolean isNumber(double parsed) {
        return Double.doubleToRawLongBits(parsed) != Double.doubleToRawLongBits(NOT_A_NUMBER);
    }

    /**
     * The numeric value of a raw field, {@code null} when it is not a number. Accepts decimal and
     * exponent notation and Frictionless' {@code NaN}, {@code INF}, {@code -INF}; rejects what only
     * Java would take (hex floats, {@code 1d}/{@code 1f} suffixes).
     */
    public static Double parseDouble(String value) {
        double d = parseDecimal(value.toCharArray(), 0, value.length());
        return isNumber(d) ? d : null;
    }

    /**
     * The value of {@code len} characters at {@code offset} as a decimal number, or {@link
     * #NOT_A_NUMBER}: in place in a parser's buffer, the hot path of validation.
     */
    public static double parseDecimal(char[] buf, int offset, int len) {
        double simple = simpleDecimal(buf, offset, len);
        if (!Double.isNaN(simple)) {
            return simple;
        }
        int from = trimStart(buf, offset, offset + len);
        int to = trimEnd(buf, from, offset + len);
        if (from == to) {
            return NOT_A_NUMBER;
        }
        char last = buf[to - 1];
        if ((last >= '0' && last <= '9' || last == '.') && !hasHexMark(buf, from, to)) {
            try {
                return JavaDoubleParser.parseDouble(buf, from, to - from);
            } catch (NumberFormatException e) {
                return NOT_A_NUMBER;
            }
        }
        return switch (new String(buf, from, to - from)) {
            case "NaN" -> Double.NaN;
            case "INF", "+INF", "Infinity", "+Infinity" -> Double.POSITIVE_INFINITY;
            case "-INF", "-Infinity" -> Double.NEGATIVE_INFINITY;
            default -> NOT_A_NUMBER;
        };
    }

    /** Where the text starts after leading blanks (String.trim's notion of blank). */
    private static int trimStart(char[] buf, int from, int to) {
        while (from < to && buf[from] <= ' ') {
            from++;
        }
        return from;
    }

    /** Where the text ends before trailing blanks. */
    private static int trimEnd(char[] buf, int from, int to) {
        while (to > from && buf[to - 1] <= ' ') {
            to--;
        }
        return to;
    }

    private static boolean hasHexMark(char[] buf, int from, int to) {
        for (int i = from; i < to; i++) {
            if (buf[i] == 'x' || buf[i] == 'X') {
                return true;
            }
        }
        return false;
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
    static double simpleDecimal(char[] buf, int offset, int len) {
        if (len == 0 || len > 17) {
            return Double.NaN;
        }
        int i = offset;
        int end = offset + len;
        boolean negative = buf[i] == '-';
        if (negative || buf[i] == '+') {
            i++;
        }
        long mantissa = 0;
        int digits = 0;
        int point = -1;
        for (; i < end; i++) {
            char c = buf[i];
            if (c >= '0' && c <= '9') {
                mantissa = mantissa * 10 + (c - '0');
                digits++;
            } else if (c == '.' && point < 0) {
                point = i;
            } else {
                return Double.NaN;
            }
        }
        if (digits == 0 || digits > 15) {
            return Double.NaN;
        }
        int fraction = point < 0 ? 0 : end - point - 1;
        double value = fraction > 0 ? mantissa / POWERS_OF_TEN[fraction] : mantissa;
        return negative ? -value : value;
    }

    /** Decimal integers with an optional sign, without the exception cost of Long.parseLong on bad input. */
    public static double parseInteger(char[] buf, int offset, int len) {
        int from = trimStart(buf, offset, offset + len);
        int to = trimEnd(buf, from, offset + len);
        boolean negative = from < to && buf[from] == '-';
        int i = from < to && (negative || buf[from] == '+') ? from + 1 : from;
        if (i == to || to - i > 19) {
            return NOT_A_NUMBER;
        }
        long n = 0;
        for (int j = i; j < to; j++) {
            char c = buf[j];
            if (c < '0' || c > '9') {
                return NOT_A_NUMBER;
            }
            n = n * 10 + (c - '0');
        }
        if (to - i == 19) {
            // 19 digits may overflow a long: the rare case goes through the JDK's checked parser
            try {
                return Long.parseLong(new String(buf, from, to - from));
            } catch (NumberFormatException e) {
                return NOT_A_NUMBER;
            }
        }
        return negative ? -n : n;
    }

    /**
     * A plain number, {@code -?(0|[1-9][0-9]*)(\.[0-9]+)?} with at most 15 digits and not a negative
     * zero, parsed in one pass: its value, with its count of decimals written to {@code
     * decimals[at]}. Its text is then exactly {@link #plain}(value, decimals), so a column can keep
     * the double alone. {@link #NOT_A_NUMBER} for any other text (exponents, signs, leading zeros,
     * blanks, long digit strings), which a column keeps as text beside the value.
     */
    static double parsePlain(char[] buf, int offset, int len, byte[] decimals, int at) {
        int end = offset + len;
        int start = len > 0 && buf[offset] == '-' ? offset + 1 : offset;
        if (start == end || buf[start] == '+' || buf[start] == '.' || buf[end - 1] == '.'
                || buf[start] == '0' && start + 1 < end && buf[start + 1] != '.') {
            return NOT_A_NUMBER;
        }
        double value = simpleDecimal(buf, offset, len);
        if (Double.isNaN(value) || value == 0 && start > offset) {
            return NOT_A_NUMBER;
        }
        int point = end - 1;
        while (point > start && buf[point] != '.') {
            point--;
        }
        decimals[at] = (byte) (buf[point] == '.' ? end - point - 1 : 0);
        return value;
    }

    /** The plain text of a value with this many decimals: the inverse of {@link #parsePlain}. */
    static String plain(double value, int decimals) {
        if (decimals == 0) {
            return Long.toString((long) value);
        }
        return appendPlain(value, decimals, new StringBuilder(24)).toString();
    }

    /** {@link #plain} appended to {@code out}, digit by digit: no String per value when a table is written out. */
    static StringBuilder appendPlain(double value, int decimals, StringBuilder out) {
        if (decimals == 0) {
            return out.append((long) value);
        }
        // at most 15 digits: the scaled double is within a fraction of the integer the text wrote
        long digits = Math.round(Math.abs(value) * POWERS_OF_TEN[decimals]);
        if (value < 0) {
            out.append('-');
        }
        long unit = (long) POWERS_OF_TEN[decimals];
        out.append(digits / unit).append('.');
        long fraction = digits % unit;
        // leading zeros of the fraction, then its digits
        for (long pad = unit / 10; pad > fraction && pad > 1; pad /= 10) {
            out.append('0');
        }
        return out.append(fraction);
    }
}
