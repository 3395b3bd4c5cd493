package io.jenkins.plugins.mlops.validation;

import io.jenkins.plugins.mlops.schema.FieldType;
import java.util.regex.Pattern;

/**
 * Recognises values that look like personal data, so that a column of e-mail addresses, phone or
 * card numbers is flagged before it reaches a model (a privacy warning, not a proof).
 */
enum PersonalData {
    EMAIL("pii_email", "e-mail addresses"),
    PHONE("pii_phone", "phone numbers"),
    CARD("pii_card_number", "payment card numbers (Luhn check passes)");

    /** A column is flagged when at least this share of its values look like one kind. */
    static final double MIN_SHARE = 0.5;

    private static final Pattern EMAIL_PATTERN = Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}");
    private static final Pattern PHONE_PATTERN = Pattern.compile("\\+?\\(?[0-9][0-9 ().-]{5,18}[0-9]");
    private static final Pattern CARD_PATTERN = Pattern.compile("[0-9][0-9 -]{11,21}[0-9]");

    final String kind;
    final String what;

    PersonalData(String kind, String what) {
        this.kind = kind;
        this.what = what;
    }

    /** The kind a value looks like, or {@code null}; card numbers win over phone numbers. */
    static PersonalData of(String value) {
        if (value.length() < 7 || value.length() > 254) {
            return null;
        }
        if (value.indexOf('@') > 0) {
            return EMAIL_PATTERN.matcher(value).matches() ? EMAIL : null;
        }
        if (CARD_PATTERN.matcher(value).matches() && luhn(value)) {
            return CARD;
        }
        // dates and decimal numbers have the shape of phone numbers too
        if (PHONE_PATTERN.matcher(value).matches() && digits(value) >= 7 && FieldType.parseDouble(value) == null
                && !FieldType.DATE.accepts(value) && !FieldType.DATETIME.accepts(value)) {
            return PHONE;
        }
        return null;
    }

    /** Keeps the first and last characters only, so that the report does not republish the data. */
    static String mask(String value) {
        if (value.length() <= 4) {
            return "****";
        }
        return value.charAt(0) + "*".repeat(value.length() - 3) + value.substring(value.length() - 2);
    }

    private static int digits(String value) {
        int n = 0;
        for (int i = 0; i < value.length(); i++) {
            n += Character.isDigit(value.charAt(i)) ? 1 : 0;
        }
        return n;
    }

    static boolean luhn(String value) {
        int sum = 0;
        int count = 0;
        boolean doubleIt = false;
        for (int i = value.length() - 1; i >= 0; i--) {
            char c = value.charAt(i);
            if (!Character.isDigit(c)) {
                continue;
            }
            int d = c - '0';
            if (doubleIt) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            count++;
            doubleIt = !doubleIt;
        }
        return count >= 13 && count <= 19 && sum % 10 == 0;
    }
}
