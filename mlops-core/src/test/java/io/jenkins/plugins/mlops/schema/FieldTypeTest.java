package io.jenkins.plugins.mlops.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class FieldTypeTest {
    @Test
    void fastDecimalPathAgreesWithTheJdkBitForBit() {
        SplittableRandom random = new SplittableRandom(5);
        for (int i = 0; i < 200_000; i++) {
            int decimals = random.nextInt(8);
            double x = (random.nextDouble() - 0.5) * Math.pow(10, random.nextInt(10));
            String text = String.format(java.util.Locale.ROOT, "%." + decimals + "f", x);
            assertThat(FieldType.parseDouble(text)).as(text).isEqualTo(Double.parseDouble(text));
        }
        for (String s : new String[] {"0", "-0.0", "007", "1.", ".5", "+3.25", "123456789012345", "0.1", "9007199254740993"}) {
            assertThat(FieldType.parseDouble(s)).as(s).isEqualTo(Double.parseDouble(s));
        }
    }

    @Test
    void generalSyntaxAndRejections() {
        assertThat(FieldType.parseDouble("1e3")).isEqualTo(1000.0);
        assertThat(FieldType.parseDouble(" 2.5 ")).isEqualTo(2.5);
        assertThat(FieldType.parseDouble("NaN")).isNaN();
        assertThat(FieldType.parseDouble("-INF")).isEqualTo(Double.NEGATIVE_INFINITY);
        for (String bad : new String[] {"", ".", "-", "1.2.3", "0x10", "1d", "1f", "abc", "1,5"}) {
            assertThat(FieldType.parseDouble(bad)).as(bad).isNull();
        }
        assertThat(integer("-42")).isEqualTo(-42.0);
        assertThat(FieldType.isNumber(integer("4.2"))).isFalse();
        assertThat(integer(" +7 ")).isEqualTo(7.0);
        assertThat(integer("9223372036854775807")).isEqualTo(9.223372036854775807E18);
        assertThat(FieldType.isNumber(integer("9223372036854775808"))).as("overflow").isFalse();
        // a parsed NaN is a number (reported as not finite), unlike text that is not one
        assertThat(FieldType.isNumber(FieldType.parseNumber(FieldType.NUMBER, "NaN".toCharArray(), 0, 3))).isTrue();
    }

    @Test
    void parsesInPlaceInsideALargerBuffer() {
        char[] row = "x,-57.1234,12,y".toCharArray();
        assertThat(FieldType.parseNumber(FieldType.NUMBER, row, 2, 8)).isEqualTo(-57.1234);
        assertThat(FieldType.parseNumber(FieldType.INTEGER, row, 11, 2)).isEqualTo(12.0);
        assertThat(FieldType.isNumber(FieldType.parseNumber(FieldType.NUMBER, row, 0, 3))).isFalse();
    }

    /** Random short texts, where the eight-byte path and the digit loop must agree with the JDK. */
    @Test
    void agreesWithTheJdkOnRandomText() {
        java.util.regex.Pattern decimal = java.util.regex.Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");
        String alphabet = "0123456789012345678901234567890123456789..-+e x";
        java.util.SplittableRandom random = new java.util.SplittableRandom(3);
        int numbers = 0;
        for (int i = 0; i < 200_000; i++) {
            StringBuilder text = new StringBuilder();
            for (int k = 1 + random.nextInt(12); k > 0; k--) {
                text.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String t = text.toString();
            double parsed = FieldType.parseNumber(FieldType.NUMBER, t.toCharArray(), 0, t.length());
            if (decimal.matcher(t.trim()).matches()) {
                numbers++;
                assertThat(parsed).as(t).isEqualTo(Double.parseDouble(t));
            } else {
                assertThat(FieldType.isNumber(parsed)).as(t).isFalse();
            }
        }
        assertThat(numbers).as("numbers among the texts").isGreaterThan(20_000);
    }

    private static double integer(String text) {
        return FieldType.parseNumber(FieldType.INTEGER, text.toCharArray(), 0, text.length());
    }
}
