package com.corpintel.migrate.timescale;

import com.corpintel.migrate.db.Backend;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;

/**
 * Reads TimescaleDB's license. The setting exists only where the extension is
 * loaded into the database; before the first migration has created it, the
 * extension is created inside a transaction that is always rolled back, so the
 * question is answered without changing anything. Callers ask only when the
 * answer matters: that costs the server about 200 ms.
 */
public final class TimescaleLicense {

    private TimescaleLicense() {
    }

    /** The license of a database where the extension already exists, if it does. */
    public static Optional<String> ofInstalled(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery(
                     "SELECT current_setting('timescaledb.license', true)"
                             + " FROM pg_extension WHERE extname = 'timescaledb'")) {
            return rs.next() ? Optional.ofNullable(rs.getString(1)) : Optional.empty();
        }
    }

    /**
     * The license as the session's loaded TimescaleDB library says it, without looking at this
     * database's extensions; empty when no library defining the setting is loaded (the preloaded
     * loader alone does not define it).
     */
    public static Optional<String> ofLoaded(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT current_setting('timescaledb.license', true)")) {
            return rs.next() ? Optional.ofNullable(rs.getString(1)).filter(l -> !l.isBlank()) : Optional.empty();
        }
    }

    /**
     * The license, creating the extension in a rolled-back transaction when it does
     * not exist yet. Needs the privilege to create the extension (as upgrade does).
     * Through a pooler, the session ends with the probe: give it a session of its own.
     */
    public static String probe(Connection connection) throws SQLException {
        Optional<String> installed = ofInstalled(connection);
        if (installed.isPresent()) {
            return installed.get();
        }
        Optional<String> loaded = ofLoaded(connection);
        if (loaded.isPresent()) {
            return loaded.get();
        }
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE EXTENSION IF NOT EXISTS timescaledb");
            try (ResultSet rs = statement.executeQuery("SELECT current_setting('timescaledb.license', true)")) {
                rs.next();
                return rs.getString(1);
            }
        } finally {
            connection.rollback();
            connection.setAutoCommit(autoCommit);
            // The rolled-back CREATE EXTENSION leaves the library loaded in this server process:
            // a pooler must not hand it to the session that creates the extension for real.
            Backend.retireIfPooled(connection);
        }
    }
}
