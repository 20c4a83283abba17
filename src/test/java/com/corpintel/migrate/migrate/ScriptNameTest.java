package com.corpintel.migrate.migrate;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.internal.resource.ResourceName;
import org.flywaydb.core.internal.resource.ResourceNameParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link ScriptName} reads a name as Flyway 12's own parser does with intel-migrate's configuration;
 * a name Flyway reads as anything but a valid versioned migration is not read at all.
 */
class ScriptNameTest {

    private static final ResourceNameParser FLYWAY = new ResourceNameParser(Flyway.configure());

    @ParameterizedTest
    @ValueSource(strings = {
            "V1__initial_schema.sql", "V1_2__two_parts.sql", "V1.2.3__dots.sql", "V01__leading_zero.sql",
            "V1.0__trailing_zero.sql", "V2__timescale__features.sql", "V3__.sql", "V4.sql", "V5__UPPER.SQL",
            "V6__mixed.Sql", "V7__ünïcödé_日本.sql", "V8__a b.sql", "V9___leading_underscore.sql",
            "V12345678901234567890__big.sql",
    })
    void readsAVersionedNameAsFlywayDoes(String fileName) {
        ResourceName flyway = FLYWAY.parse(fileName);
        Optional<ScriptName> ours = ScriptName.parse(fileName);

        assertThat(flyway.isValid()).isTrue();
        assertThat(flyway.getPrefix()).isEqualTo("V");
        assertThat(ours).isPresent();
        assertThat(ours.get().version()).isEqualTo(flyway.getVersion());
        assertThat(ours.get().version().getVersion()).isEqualTo(flyway.getVersion().getVersion());
        assertThat(ours.get().description()).isEqualTo(flyway.getDescription());
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "V__no_version.sql", "V1_x__bad_version.sql", "Vabc__letters.sql", "v1__lower_prefix.sql",
            "R__repeatable.sql", "B1__baseline.sql", "U1__undo.sql", "afterMigrate.sql", "beforeInfo__x.sql",
            "1__no_prefix.sql", "V1__not_sql.txt", "Vlatest__word.sql", "Vcurrent__word.sql",
    })
    void leavesEveryOtherNameToFlyway(String fileName) {
        ResourceName flyway = FLYWAY.parse(fileName);

        assertThat(ScriptName.parse(fileName)).isEmpty();
        assertThat(flyway.isValid() && "V".equals(flyway.getPrefix()) && fileName.toLowerCase().endsWith(".sql")
                && !flyway.getVersion().isPredefined())
                .as("Flyway does not read it as a plain versioned migration either").isFalse();
    }

    @Test
    void aSqlScriptIsOneWithFlywaysSuffixInAnyCase() {
        assertThat(ScriptName.isSql("V1__a.sql")).isTrue();
        assertThat(ScriptName.isSql("V1__a.SQL")).isTrue();
        assertThat(ScriptName.isSql("V1__a.sql.conf")).isFalse();
        assertThat(ScriptName.isSql(".sql")).isFalse();
    }
}
