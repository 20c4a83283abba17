package com.corpintel.migrate.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LockRetriesConverterTest {

    @Test
    void zeroToTwentyAreAccepted() {
        assertThat(new LockRetriesConverter().convert("0")).isZero();
        assertThat(new LockRetriesConverter().convert("3")).isEqualTo(3);
        assertThat(new LockRetriesConverter().convert("20")).isEqualTo(20);
    }

    @ParameterizedTest
    @ValueSource(strings = {"-1", "21", "63", "2147483647", "99999999999"})
    void countsOutsideZeroToTwentyAreRejectedStatingTheRange(String value) {
        assertThatThrownBy(() -> new LockRetriesConverter().convert(value))
                .isInstanceOf(CommandLine.TypeConversionException.class)
                .hasMessageContaining("'" + value + "' is out of range; allowed: 0 to 20");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "three", "1.5", "+"})
    void nonNumbersAreRejectedStatingTheRange(String value) {
        assertThatThrownBy(() -> new LockRetriesConverter().convert(value))
                .isInstanceOf(CommandLine.TypeConversionException.class)
                .hasMessageContaining("allowed: 0 to 20");
    }
}
