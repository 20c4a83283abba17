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
}
