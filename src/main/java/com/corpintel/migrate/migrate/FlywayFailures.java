package com.corpintel.migrate.migrate;

import com.corpintel.migrate.Failure;
import com.corpintel.migrate.config.ConnectionSettings;
import com.corpintel.migrate.db.SqlFailures;
import org.flywaydb.core.api.FlywayException;

import java.sql.SQLException;

/** From what Flyway and the server raised to what the operator reads, and the exit code. */
final class FlywayFailures {

    private FlywayFailures() {
    }

    /** A failure outside any step: lost connections stay connection failures (exit 3), the rest exit 5. */
    static Failure translate(FlywayException e, String what, ConnectionSettings where) {
        SQLException sql = SqlFailures.findSqlException(e);
        return sql != null ? translate(sql, what, where)
                : new Failure(Failure.Kind.MIGRATION, what + ": " + SqlFailures.firstLine(e.getMessage()), e);
    }

    /** As {@link #translate(FlywayException, String, ConnectionSettings)}, for what the server raised to us directly. */
    static Failure translate(SQLException e, String what, ConnectionSettings where) {
        if (e.getSQLState() != null && e.getSQLState().startsWith("08")) {
            return SqlFailures.onConnect(e, where);
        }
        return new Failure(Failure.Kind.MIGRATION, what + ": " + SqlFailures.serverMessage(e), e);
    }

    /**
     * One upgrade step failed.
     *
     * @param step          "V3 permission scopes"
     * @param transactional whether its transaction rolled back, leaving nothing behind
     */
    static Failure stepFailed(String step, Throwable e, boolean transactional) {
        String state = transactional
                ? "it ran in a transaction that was rolled back, so the database is as before " + step
                : step + " is not transactional: the statements before the failing one stay applied; run"
                        + " `intel-migrate repair` to see what it left and what to do before retrying";
        return new Failure(StepRetries.kind(e, transactional), step + " failed: " + StepRetries.reason(e) + "; " + state, e);
    }

    /** The applied scripts differ from this binary's (exit 5 with the validation kind). */
    static Failure mismatch(String what) {
        return new Failure(Failure.Kind.VALIDATION, "the applied migrations no longer match the bundled scripts: "
                + what + " (run `intel-migrate status` for details)");
    }

    /** Flyway's "non-empty schema without history" refusal, said for this tool. */
    static boolean isNonEmptySchema(FlywayException e) {
        return e.getMessage() != null && e.getMessage().contains("non-empty schema");
    }

    static Failure nonEmptySchema(String schema) {
        return Failure.refused("schema " + schema + " already holds objects but has no "
                + MigrationService.HISTORY_TABLE + ": intel-migrate does not build the platform schema over objects it"
                + " did not create; if it is what the bundled migrations build at version V, adopt it with"
                + " `intel-migrate baseline --version V`; if Alembic built it (it has an alembic_version table), with"
                + " `intel-migrate baseline --from-alembic`; otherwise use an empty schema (--schema)");
    }

    /** One of our callbacks (the lock guard) raised it: keep its kind. */
    static Failure ours(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof Failure failure) {
                return failure;
            }
        }
        return null;
    }
}
