package com.corpintel.migrate.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DurationConverterTest {

    @Test
    void millisecondsSuffix() {
        assertThat(DurationConverter.parse("500ms")).isEqualTo(Duration.ofMillis(500));
    }

    @Test
    void secondsSuffix() {
        assertThat(DurationConverter.parse("30s")).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void minutesSuffixInBothSpellings() {
        assertThat(DurationConverter.parse("5m")).isEqualTo(Duration.ofMinutes(5));
        assertThat(DurationConverter.parse("5min")).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void hoursSuffix() {
        assertThat(DurationConverter.parse("1h")).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void bareNumberIsSeconds() {
        assertThat(DurationConverter.parse("45")).isEqualTo(Duration.ofSeconds(45));
    }

    @Test
    void zeroIsAZeroDuration() {
        assertThat(DurationConverter.parse("0")).isEqualTo(Duration.ZERO);
        assertThat(DurationConverter.parse("0s")).isEqualTo(Duration.ZERO);
        assertThat(DurationConverter.parse("0ms")).isEqualTo(Duration.ZERO);
    }

    @Test
    void isoDurationIsAccepted() {
        assertThat(DurationConverter.parse("PT30S")).isEqualTo(Duration.ofSeconds(30));
        assertThat(DurationConverter.parse("PT1H30M")).isEqualTo(Duration.ofMinutes(90));
        assertThat(DurationConverter.parse("PT0.5S")).isEqualTo(Duration.ofMillis(500));
    }

    @Test
    void isoDurationIsCaseInsensitive() {
        assertThat(DurationConverter.parse("pt30s")).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void unitsAreCaseInsensitiveAndSurroundingOrInnerSpaceIsAllowed() {
        assertThat(DurationConverter.parse("30S")).isEqualTo(Duration.ofSeconds(30));
        assertThat(DurationConverter.parse("500MS")).isEqualTo(Duration.ofMillis(500));
        assertThat(DurationConverter.parse(" 2 h ")).isEqualTo(Duration.ofHours(2));
    }

    @Test
    void convertDelegatesToParse() {
        assertThat(new DurationConverter().convert("10s")).isEqualTo(Duration.ofSeconds(10));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "abc", "s", "10x", "10 seconds", "1.5s", "10s5", "ms500", "PT", "P", "PTxS"})
    void garbageIsATypeConversionExceptionQuotingTheValue(String value) {
        assertThatThrownBy(() -> DurationConverter.parse(value))
                .isInstanceOf(CommandLine.TypeConversionException.class)
                .hasMessageContaining("'" + value + "'")
                .hasMessageContaining("is not a duration");
    }

    @ParameterizedTest
    @ValueSource(strings = {"-1", "-5s", "-500ms", "PT-30S", "-PT30S"})
    void negativeDurationIsATypeConversionException(String value) {
        assertThatThrownBy(() -> DurationConverter.parse(value))
                .isInstanceOf(CommandLine.TypeConversionException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"99999999999999999999", "99999999999999999999s", "9223372036854775807h",
            "9223372036854775807m"})
    void numberTooLargeForADurationIsATypeConversionException(String value) {
        assertThatThrownBy(() -> DurationConverter.parse(value))
                .isInstanceOf(CommandLine.TypeConversionException.class)
                .hasMessageContaining("'" + value + "'");
    }

    @Test
    void largestRepresentableMillisecondCountIsAccepted() {
        assertThat(DurationConverter.parse(Long.MAX_VALUE + "ms")).isEqualTo(Duration.ofMillis(Long.MAX_VALUE));
    }

    @ParameterizedTest
    @ValueSource(strings = {"3000000h", "2147483648ms", "PT2147483.648S", "PT596524H", "9223372036854775807h",
            "99999999999999999999"})
    void everyOptionRejectsDurationsBeyondPostgresIntMillisecondsStatingTheRange(String value) {
        for (CommandLine.ITypeConverter<Duration> converter : List.of(new DurationConverter(),
                new DurationConverter.ServerTimeout(), new DurationConverter.ConnectTimeout(),
                new DurationConverter.PollInterval())) {
            assertThatThrownBy(() -> converter.convert(value))
                    .isInstanceOf(CommandLine.TypeConversionException.class)
                    .hasMessageContaining("'" + value + "'")
                    .hasMessageContaining("allowed:")
                    .hasMessageContaining("about 24.8 days");
        }
    }

    @Test
    void lockWaitAndServerTimeoutsTakeZeroUpToTheLongest() {
        for (DurationConverter converter : List.of(new DurationConverter(), new DurationConverter.ServerTimeout())) {
            assertThat(converter.convert("0")).isZero();
            assertThat(converter.convert("2147483647ms")).isEqualTo(DurationConverter.LONGEST);
        }
        assertThatThrownBy(() -> new DurationConverter().convert("2147483648ms"))
                .hasMessageContaining("allowed: 0 to 2147483647ms (about 24.8 days)");
    }

    @Test
    void serverTimeoutsRefuseFractionsOfAMillisecondThatWouldTruncateToDisabled() {
        assertThat(new DurationConverter.ServerTimeout().convert("PT0.5S")).isEqualTo(Duration.ofMillis(500));
        assertThatThrownBy(() -> new DurationConverter.ServerTimeout().convert("PT0.0005S"))
                .hasMessageContaining("whole number of milliseconds");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "0s", "500ms", "1500ms", "PT1.5S", "2147484s"})
    void connectTimeoutTakesWholeSecondsFromOneUpToWhatTheDriverHolds(String value) {
        assertThatThrownBy(() -> new DurationConverter.ConnectTimeout().convert(value))
                .isInstanceOf(CommandLine.TypeConversionException.class)
                .hasMessageContaining("whole seconds from 1s to 2147483s");
    }

    @Test
    void connectTimeoutBoundsAreAccepted() {
        assertThat(new DurationConverter.ConnectTimeout().convert("1")).isEqualTo(Duration.ofSeconds(1));
        assertThat(new DurationConverter.ConnectTimeout().convert("2147483s")).isEqualTo(Duration.ofSeconds(2147483));
    }

    @Test
    void pollIntervalMustBeAtLeastAMillisecondSoPollingPauses() {
        assertThat(new DurationConverter.PollInterval().convert("1ms")).isEqualTo(Duration.ofMillis(1));
        assertThatThrownBy(() -> new DurationConverter.PollInterval().convert("0"))
                .hasMessageContaining("allowed: 1ms to");
    }
}
