package com.corpintel.migrate.db;

import org.postgresql.PGConnection;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** The server process behind a session, which a pooler may hand to the next session. */
public final class Backend {

    private Backend() {
    }

    /**
     * Ends the server process behind {@code connection} if a pooler sits in between, so the
     * pooler does not hand it on. For a process TimescaleDB left in a state no RESET undoes:
     * after a rolled-back CREATE EXTENSION timescaledb, or after dropping the extension, it
     * refuses to create it ("has already been loaded with another version"); after another
     * session dropped it, it can read no table. Directly connected, the process ends with the
     * session anyway. The session is unusable afterwards when pooled.
     */
    public static void retireIfPooled(Connection connection) throws SQLException {
        if (!isPooled(connection)) {
            return;
        }
        try (Statement statement = connection.createStatement()) {
            statement.execute(CatalogQueries.END_OWN_BACKEND);
        } catch (SQLException expected) {
            // the server ends the session while answering
        }
    }

    /**
     * A pooler answers the connection with a cancel key of its own, so the process id the
     * driver was told differs from the one the server reports; a direct session's match.
     */
    static boolean isPooled(Connection connection) throws SQLException {
        int announced = connection.unwrap(PGConnection.class).getBackendPID();
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery(CatalogQueries.BACKEND_PID)) {
            rs.next();
            return rs.getInt(1) != announced;
        }
    }
}
