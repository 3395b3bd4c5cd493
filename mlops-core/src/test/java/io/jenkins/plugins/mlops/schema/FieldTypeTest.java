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
        assertThat(FieldType.parseNumber(FieldType.INTEGER, "-42")).isEqualTo(-42.0);
        assertThat(FieldType.parseNumber(FieldType.INTEGER, "4.2")).isNull();
        assertThat(FieldType.parseNumber(FieldType.INTEGER, "9223372036854775807")).isEqualTo(9.223372036854775807E18);
    }
}
