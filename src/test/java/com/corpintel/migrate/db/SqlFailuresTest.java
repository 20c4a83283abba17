package com.corpintel.migrate.db;

import com.corpintel.migrate.Failure;
import org.junit.jupiter.api.Test;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;

/** How failures while preparing a schema change are classified. */
class SqlFailuresTest {

    private static PSQLException server(String sqlState, String message, String hint) {
        return new PSQLException(new ServerErrorMessage("SERROR\0C" + sqlState + "\0M" + message + "\0"
                + (hint == null ? "" : "H" + hint + "\0")));
    }

    @Test
    void aMissingPrivilegeWhilePreparingIsARefusalNamingThePrivilegeAndTheRemedy() {
        Failure failure = SqlFailures.whilePreparing(
                server("42501", "permission denied to create extension \"vector\"",
                        "Must be superuser to create this extension."),
                "cannot prepare the upgrade", "run as a superuser");

        assertThat(failure.kind()).isEqualTo(Failure.Kind.REFUSED);
        assertThat(failure.getMessage())
                .contains("permission denied to create extension \"vector\"")
                .contains("(Must be superuser to create this extension.)")
                .endsWith(": run as a superuser");
    }

    @Test
    void aMissingPrivilegeWithoutAHintStillNamesWhatWasDenied() {
        Failure failure = SqlFailures.whilePreparing(new SQLException("permission denied for schema s", "42501"),
                "cannot prepare the upgrade", "ask for CREATE");

        assertThat(failure.kind()).isEqualTo(Failure.Kind.REFUSED);
        assertThat(failure.getMessage()).isEqualTo("permission denied for schema s: ask for CREATE");
    }

    @Test
    void otherFailuresWhilePreparingStayFailuresOfTheSession() {
        Failure failure = SqlFailures.whilePreparing(server("57P01", "terminating connection", null),
                "cannot prepare the upgrade", "run as a superuser");

        assertThat(failure.kind()).isEqualTo(Failure.Kind.CONNECTION);
        assertThat(failure.getMessage()).startsWith("cannot prepare the upgrade: ").doesNotContain("superuser");
    }


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
