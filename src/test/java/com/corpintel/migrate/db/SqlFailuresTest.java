package com.corpintel.migrate.db;

import org.junit.jupiter.api.Test;

import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;

class SqlFailuresTest {

    @Test
    void aRelationDroppedUnderASessionByDropExtensionIsATransientCatalogRace() {
        assertThat(SqlFailures.isTransientCatalogRace(
                new SQLException("ERROR: could not open relation with OID 41402", "XX000"))).isTrue();
    }

    @Test
    void timescaleDbSchemasMissingUnderASessionThatLoadedTheExtensionAreATransientCatalogRace() {
        assertThat(SqlFailures.isTransientCatalogRace(new SQLException("ERROR: schema \"_timescaledb_catalog\" not found"
                + " (during lookup of relation \"_timescaledb_catalog.hypertable\")", "XX000"))).isTrue();
        assertThat(SqlFailures.isTransientCatalogRace(
                new SQLException("ERROR: schema \"_timescaledb_functions\" does not exist", "3F000"))).isTrue();
    }

    @Test
    void otherInternalErrorsAndOtherMissingSchemasAreNot() {
        assertThat(SqlFailures.isTransientCatalogRace(
                new SQLException("ERROR: could not open file \"base/1/2\": No such file or directory", "XX000"))).isFalse();
        assertThat(SqlFailures.isTransientCatalogRace(
                new SQLException("ERROR: schema \"reporting\" does not exist", "3F000"))).isFalse();
    }

    @Test
    void theSameWordsUnderAnotherSqlStateAreNot() {
        assertThat(SqlFailures.isTransientCatalogRace(
                new SQLException("FATAL: could not open relation with OID 1", "28P01"))).isFalse();
        assertThat(SqlFailures.isTransientCatalogRace(
                new SQLException("Connection refused: could not open relation with OID 1", (String) null))).isFalse();
        assertThat(SqlFailures.isTransientCatalogRace(new SQLException((String) null, "XX000"))).isFalse();
        assertThat(SqlFailures.isTransientCatalogRace(null)).isFalse();
    }
}
