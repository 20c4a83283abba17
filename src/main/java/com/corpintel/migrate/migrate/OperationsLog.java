package com.corpintel.migrate.migrate;

import com.corpintel.migrate.db.Identifiers;
import com.corpintel.migrate.db.Relations;

import org.flywaydb.core.internal.util.AbbreviationUtils;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The append-only operations log: one row per upgrade or downgrade step, with who
 * ran it (database user, application name carrying the host or pod, client
 * address), when, how long and how it ended. It lives next to Flyway's history in
 * the target schema; a trigger refuses UPDATE, DELETE and TRUNCATE.
 */
public final class OperationsLog {

    public static final String TABLE = "intel_migrate_operations";

    /** One logged step. */
    public record Entry(
            long id,
            String version,
            String description,
            String direction,
            String outcome,
            String databaseUser,
            String applicationName,
            String clientAddress,
            Instant startedAt,
            int durationMillis,
            String detail) {
    }

    /**
     * How the entries of a {@code baseline} begin: "baseline to V3: …". Versions it recorded were
     * not run; the newest such entry names the floor of downgrades (see {@link BaselineFloor}).
     */
    public static final String BASELINE_DETAIL_PREFIX = "baseline to V";

    private final String schema;

    public OperationsLog(String schema) {
        this.schema = schema;
    }

    private String table() {
        return Identifiers.quote(schema) + "." + TABLE;
    }

    /**
     * Creates the table on first use, inside the caller's transaction (a migration
     * step's, so it commits with the first logged step). Callers hold the migration
     * lock, so there is no race. Created only once Flyway's history table exists:
     * Flyway refuses to start on a schema that has tables but no history.
     */
    public void ensureExists(Connection connection) throws SQLException {
        if (exists(connection)) {
            return;
        }
        String function = Identifiers.quote(schema) + "." + TABLE + "_append_only";
        try (Statement s = connection.createStatement()) {
            s.execute("CREATE SCHEMA IF NOT EXISTS " + Identifiers.quote(schema));
            s.execute("CREATE TABLE " + table() + " ("
                    + " id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,"
                    + " version varchar(50) NOT NULL,"
                    + " description varchar(200),"
                    + " direction varchar(10) NOT NULL CHECK (direction IN ('upgrade', 'downgrade')),"
                    + " outcome varchar(10) NOT NULL CHECK (outcome IN ('success', 'failed')),"
                    + " database_user name NOT NULL DEFAULT current_user,"
                    + " application_name text NOT NULL DEFAULT current_setting('application_name'),"
                    + " client_address inet DEFAULT inet_client_addr(),"
                    + " started_at timestamptz NOT NULL,"
                    + " duration_ms integer NOT NULL,"
                    + " detail text)");
            s.execute("CREATE OR REPLACE FUNCTION " + function + "() RETURNS trigger LANGUAGE plpgsql AS $$"
                    + " BEGIN RAISE EXCEPTION '" + TABLE + " is append-only'; END $$");
            s.execute("CREATE TRIGGER " + TABLE + "_no_update BEFORE UPDATE OR DELETE ON " + table()
                    + " FOR EACH ROW EXECUTE FUNCTION " + function + "()");
            s.execute("CREATE TRIGGER " + TABLE + "_no_truncate BEFORE TRUNCATE ON " + table()
                    + " FOR EACH STATEMENT EXECUTE FUNCTION " + function + "()");
            s.execute("COMMENT ON TABLE " + table() + " IS 'intel-migrate: every upgrade and downgrade step (append-only)'");
        }
    }

    public boolean exists(Connection connection) throws SQLException {
        return Relations.exists(connection, table());
    }

    /** Appends a failed step on a session of its own, in a transaction of its own. */
    public void recordFailure(Connection connection, String version, String description, String direction,
                              Instant startedAt, long durationMillis, String detail) throws SQLException {
        connection.setAutoCommit(false);
        try {
            ensureExists(connection);
            record(connection, version, description, direction, false, startedAt, durationMillis, detail);
            connection.commit();
        } catch (SQLException e) {
            connection.rollback();
            throw e;
        }
    }

    /** Appends one step; on the caller's connection, so it commits or rolls back with the step. */
    public void record(Connection connection, String version, String description, String direction, boolean success,
                       Instant startedAt, long durationMillis, String detail) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement("INSERT INTO " + table()
                + " (version, description, direction, outcome, started_at, duration_ms, detail)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            s.setString(1, version);
            s.setString(2, stored(description));
            s.setString(3, direction);
            s.setString(4, success ? "success" : "failed");
            s.setTimestamp(5, Timestamp.from(startedAt));
            s.setInt(6, (int) Math.min(Integer.MAX_VALUE, durationMillis));
            s.setString(7, detail);
            s.executeUpdate();
        }
    }

    /**
     * A description as the log stores it: shortened as Flyway shortens it in the history
     * (the column holds 200 characters), so that both name a step alike.
     */
    private static String stored(String description) {
        return description == null ? null : AbbreviationUtils.abbreviateDescription(description);
    }

    /** The newest successful upgrade entry of a version with this description, if any. */
    public Optional<Entry> latestUpgrade(Connection connection, String version, String description)
            throws SQLException {
        if (!exists(connection)) {
            return Optional.empty();
        }
        try (PreparedStatement s = connection.prepareStatement("SELECT " + COLUMNS + " FROM " + table()
                + " WHERE version = ? AND description = ? AND direction = 'upgrade' AND outcome = 'success'"
                + " ORDER BY id DESC LIMIT 1")) {
            s.setString(1, version);
            s.setString(2, stored(description));
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(entry(rs)) : Optional.empty();
            }
        }
    }

    /** The version the newest {@code baseline} recorded up to, if any baseline ever ran here. */
    public Optional<String> latestBaseline(Connection connection) throws SQLException {
        if (!exists(connection)) {
            return Optional.empty();
        }
        try (PreparedStatement s = connection.prepareStatement("SELECT detail FROM " + table()
                + " WHERE direction = 'upgrade' AND outcome = 'success' AND detail LIKE ? ORDER BY id DESC LIMIT 1")) {
            s.setString(1, BASELINE_DETAIL_PREFIX + "%");
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                String rest = rs.getString(1).substring(BASELINE_DETAIL_PREFIX.length());
                int end = rest.indexOf(':');
                return Optional.of(end < 0 ? rest : rest.substring(0, end));
            }
        }
    }

    /** Every entry, oldest first; empty when the log does not exist yet. */
    public List<Entry> entries(Connection connection) throws SQLException {
        List<Entry> entries = new ArrayList<>();
        if (!exists(connection)) {
            return entries;
        }
        try (Statement s = connection.createStatement();
             ResultSet rs = s.executeQuery("SELECT " + COLUMNS + " FROM " + table() + " ORDER BY id")) {
            while (rs.next()) {
                entries.add(entry(rs));
            }
        }
        return entries;
    }

    private static final String COLUMNS = "id, version, description, direction, outcome, database_user,"
            + " application_name, host(client_address), started_at, duration_ms, detail";

    private static Entry entry(ResultSet rs) throws SQLException {
        return new Entry(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8),
                rs.getTimestamp(9).toInstant(), rs.getInt(10), rs.getString(11));
    }
}
