package com.corpintel.migrate.timescale;

import com.corpintel.migrate.db.Backend;
import com.corpintel.migrate.db.Identifiers;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;

/**
 * Reads TimescaleDB's license. The setting exists only where TimescaleDB's library
 * is loaded into the session (the preloaded loader alone does not define it).
 * Before the first migration has created the extension, a superuser's session
 * loads the library with {@code LOAD} (a few milliseconds); anyone else's creates
 * the extension inside a transaction that is always rolled back (about 200 ms of
 * server time). Either way nothing changes, and callers ask only when the answer
 * matters.
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

    /** The library version CREATE EXTENSION would load, if this role may LOAD it: superusers only. */
    private static final String LOADABLE_VERSION = """
            SELECT a.default_version
            FROM pg_available_extensions a CROSS JOIN pg_roles r
            WHERE a.name = 'timescaledb' AND r.rolname = current_user AND r.rolsuper
            """;

    /**
     * The license as the library of the version CREATE EXTENSION would install says it, loaded
     * into this session with {@code LOAD 'timescaledb-<version>'} (TimescaleDB's own library
     * naming). Empty when this role may not LOAD a library (only a superuser may, outside
     * {@code $libdir/plugins}) or the library does not load: the caller then tries the extension in
     * a rolled-back transaction. The library stays loaded in the server process: through a
     * pooler, retire the session ({@link Backend#retireIfPooled}) once done with it.
     */
    public static Optional<String> ofLibrary(Connection connection) throws SQLException {
        String version;
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery(LOADABLE_VERSION)) {
            if (!rs.next()) {
                return Optional.empty();
            }
            version = rs.getString(1);
        }
        try (Statement statement = connection.createStatement()) {
            statement.execute("LOAD " + Identifiers.literal("timescaledb-" + version));
        } catch (SQLException notLoadable) {
            // Not TimescaleDB's naming, or not its files: the rolled-back CREATE EXTENSION answers instead.
            return Optional.empty();
        }
        return ofLoaded(connection);
    }

    /**
     * The license, loading the library or creating the extension in a rolled-back transaction
     * when it does not exist yet. Needs the privilege to create the extension (as upgrade does).
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
        Optional<String> library = ofLibrary(connection);
        if (library.isPresent()) {
            Backend.retireIfPooled(connection);
            return library.get();
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
