package com.corpintel.migrate.db;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ExtensionsTest {

    @Test
    void laterMinorVersionComparesNumericallyNotAlphabetically() {
        assertThat(Extensions.compareVersions("0.10.0", "0.5")).isPositive();
        assertThat(Extensions.compareVersions("0.5", "0.10.0")).isNegative();
    }

    @Test
    void patchReleaseOfLaterMinorIsNewerThanTheMajorBaseline() {
        assertThat(Extensions.compareVersions("2.19.3", "2.0")).isPositive();
        assertThat(Extensions.compareVersions("2.0", "2.19.3")).isNegative();
    }

    @Test
    void missingTrailingPartsCountAsZero() {
        assertThat(Extensions.compareVersions("0.5", "0.5.0")).isZero();
        assertThat(Extensions.compareVersions("0.5.0", "0.5")).isZero();
        assertThat(Extensions.compareVersions("1", "1.0.0")).isZero();
    }

    @Test
    void preReleaseSuffixIsIgnoredSoItCountsAsItsNumber() {
        assertThat(Extensions.compareVersions("1.1", "1.1beta")).isZero();
        assertThat(Extensions.compareVersions("1.1beta", "1.1")).isZero();
        assertThat(Extensions.compareVersions("1.1beta", "1.0")).isPositive();
        assertThat(Extensions.compareVersions("1.1beta", "1.2")).isNegative();
    }

    @ParameterizedTest
    @CsvSource({
            "2.0, 2.0, 0",
            "2.1, 2.0, 1",
            "1.9.9, 2.0, -1",
            "10.0, 9.9, 1",
            "0.8.0, 0.5, 1",
            "1.0, 1.0, 0",
            "1.10, 1.9, 1",
            "2.0.0-dev, 2.0, 0",
            "dev, 0, 0"
    })
    void comparesDottedVersionsPartByPart(String left, String right, int sign) {
        assertThat(Integer.signum(Extensions.compareVersions(left, right))).isEqualTo(sign);
    }

    @Test
    void availableExtensionPrefersTheInstalledVersionOverTheDefault() {
        Extensions.Available installed = new Extensions.Available("vector", "0.8.0", "0.4.4");

        assertThat(installed.effectiveVersion()).isEqualTo("0.4.4");
        assertThat(installed.atLeast("0.5")).isFalse();
    }

    @Test
    void availableExtensionUsesTheDefaultVersionWhenNotInstalled() {
        Extensions.Available notInstalled = new Extensions.Available("vector", "0.10.0", null);

        assertThat(notInstalled.effectiveVersion()).isEqualTo("0.10.0");
        assertThat(notInstalled.atLeast("0.5")).isTrue();
    }

    @Test
    void atLeastAcceptsTheExactMinimum() {
        assertThat(new Extensions.Available("timescaledb", "2.0", null).atLeast("2.0")).isTrue();
    }

    @Test
    void findReturnsTheNamedExtensionOrNull() {
        Extensions.Available vector = new Extensions.Available("vector", "0.7.0", null);
        Extensions extensions = new Extensions(List.of(vector), true);

        assertThat(extensions.find("vector")).isSameAs(vector);
        assertThat(extensions.find("timescaledb")).isNull();
    }

    @Test
    void requiredExtensionsAreTimescalePgvectorAndUuidOssp() {
        assertThat(Extensions.REQUIRED).extracting(Extensions.Extension::name)
                .containsExactly("timescaledb", "vector", "uuid-ossp");
    }
}
