package com.corpintel.migrate.db;

import com.corpintel.migrate.Failure;
import com.corpintel.migrate.config.ConnectionSettings;
import com.corpintel.migrate.config.Redaction;
import org.postgresql.util.PSQLException;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.sql.SQLException;

/** Turns the driver's exceptions into failures an operator can act on, by SQLSTATE. */
public final class SqlFailures {

    public static final String LOCK_NOT_AVAILABLE = "55P03";

    private SqlFailures() {
    }

    /** A failure while opening a session: always a connection failure, with the reason. */
    public static Failure onConnect(SQLException e, ConnectionSettings where) {
        String target = where.host() + ":" + where.port();
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        String reason;
        Throwable root = rootCause(e);
        String tls = TlsFailures.reason(e, where);
        if (tls != null) {
            reason = tls;
        } else if (root instanceof UnknownHostException) {
            reason = "unknown host " + where.host();
        } else if (root instanceof ConnectException || root instanceof NoRouteToHostException) {
            reason = "connection refused or unreachable (is the server running and accepting TCP connections on "
                    + target + "?)";
        } else if (root instanceof SocketTimeoutException) {
            reason = "timed out connecting to " + target;
        } else if (state.equals("28P01")) {
            reason = "password authentication failed for user \"" + where.user() + "\"";
        } else if (state.equals("3D000")) {
            reason = "database \"" + where.database() + "\" does not exist";
        } else {
            reason = serverMessage(e);
        }
        return Failure.connection("cannot connect to " + where.describe() + ": " + reason, e);
    }

    /** The server's own message, first line only, redacted. */
    public static String serverMessage(SQLException e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        int newline = message.indexOf('\n');
        return Redaction.redact(newline >= 0 ? message.substring(0, newline) : message).trim();
    }

    /** The first line of a message, trimmed; empty for none. */
    public static String firstLine(String text) {
        if (text == null) {
            return "";
        }
        String trimmed = text.strip();
        int newline = trimmed.indexOf('\n');
        return newline >= 0 ? trimmed.substring(0, newline).strip() : trimmed;
    }

    public static SQLException findSqlException(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                return sql;
            }
        }
        return null;
    }

    public static final String INSUFFICIENT_PRIVILEGE = "42501";

    /**
     * A failure while preparing a schema change, when nothing has changed yet. A privilege
     * the role lacks (SQLSTATE 42501, e.g. to create an extension) is a refusal, with the
     * server's message, its hint (which privilege) and {@code remedy}; anything else is
     * {@code what} failing on the session.
     */
    public static Failure whilePreparing(SQLException e, String what, String remedy) {
        if (INSUFFICIENT_PRIVILEGE.equals(e.getSQLState())) {
            String hint = e instanceof PSQLException server && server.getServerErrorMessage() != null
                    ? server.getServerErrorMessage().getHint() : null;
            return Failure.refused(serverMessage(e)
                    + (hint == null || hint.isBlank() ? "" : " (" + Redaction.redact(hint.strip()) + ")")
                    + ": " + remedy);
        }
        return Failure.connection(what + ": " + serverMessage(e), e);
    }

    private static final String INTERNAL_ERROR = "XX000";
    private static final String INVALID_SCHEMA_NAME = "3F000";

    /**
     * TimescaleDB's known quirk around {@code DROP EXTENSION timescaledb} (a downgrade to
     * nothing): a session that loaded the extension before the drop committed, or that
     * waited on its catalog while it was being dropped, fails every query that reads a
     * table, naming a relation or schema of the extension that is gone. A fresh session
     * does not: this is not a connection failure. Meant for the tool's own session
     * statements, which never name TimescaleDB's schemas themselves.
     */
    public static boolean isTransientCatalogRace(SQLException e) {
        if (e == null || e.getMessage() == null) {
            return false;
        }
        String message = e.getMessage();
        if (INTERNAL_ERROR.equals(e.getSQLState())) {
            return message.contains("could not open relation with OID") || message.contains("\"_timescaledb_");
        }
        return INVALID_SCHEMA_NAME.equals(e.getSQLState()) && message.contains("\"_timescaledb_");
    }

    public static boolean isLockTimeout(Throwable error) {
        SQLException sql = findSqlException(error);
        return sql != null && LOCK_NOT_AVAILABLE.equals(sql.getSQLState());
    }

    private static Throwable rootCause(Throwable error) {
        Throwable t = error;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t;
    }
}
