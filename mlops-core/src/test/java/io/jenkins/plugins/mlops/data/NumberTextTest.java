package io.jenkins.plugins.mlops.data;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NumberTextTest {
    /** A plain number's text comes back from its value and decimals, appended after what is there. */
    @ParameterizedTest
    @ValueSource(strings = {"0", "7", "-12", "0.5", "-0.5", "0.005", "-0.0501", "123.450", "10.000", "999999999.999999",
        "0.000001", "-3.0", "42.10"})
    void plainTextRoundTrips(String text) {
        byte[] decimals = new byte[1];
        double value = NumberText.parsePlain(text.toCharArray(), 0, text.length(), decimals, 0);
        assertThat(NumberText.isNumber(value)).isTrue();
        assertThat(NumberText.plain(value, decimals[0])).isEqualTo(text);
        assertThat(NumberText.appendPlain(value, decimals[0], new StringBuilder("x,")).toString()).isEqualTo("x," + text);
    }
}
