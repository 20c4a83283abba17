package com.corpintel.migrate.migrate;

import org.flywaydb.core.internal.resolver.ChecksumCalculator;
import org.flywaydb.core.internal.resource.StringResource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link ScriptChecksum} is Flyway 12's own checksum of the same text. */
class ScriptChecksumTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "",
            "\n",
            "CREATE TABLE t(id int);",
            "CREATE TABLE t(id int);\n",
            "CREATE TABLE t(id int);\r\nSELECT 1;\r\n",
            "SELECT 1;\rSELECT 2;\r",
            "\n\n\nSELECT 1;\n\n\n",
            "\r\n\r\n",
            "\ufeffSELECT 1;\n",
            "\ufeff",
            "\ufeff\ufeffSELECT 1;",
            "SELECT 1;\n\ufeffSELECT 2;",
            "-- é ü ß 日本語 \uD83D\uDE00\nSELECT 'ñ';\n",
            "  leading and trailing blanks  \n\t\n",
    })
    void isFlywaysChecksum(String script) {
        assertThat(ScriptChecksum.of(script)).isEqualTo(ChecksumCalculator.calculate(new StringResource(script)));
    }
}
