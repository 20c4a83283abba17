package com.corpintel.migrate.migrate;

import com.corpintel.migrate.db.Identifiers;
import com.corpintel.migrate.db.Relations;

import org.flywaydb.core.internal.util.AbbreviationUtils;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads and writes Flyway's history table. Reads: every row, as Flyway reads them ({@link #rows}).
 * Writes: rows for the steps an upgrade runs ({@link UpgradeRunner}) and
 * for migrations that {@code baseline} records without running. The table and its rows are
 * Flyway's own shape (as Flyway 12 creates and fills it on PostgreSQL: the same columns,
 * {@code installed_rank} one above the highest, descriptions and scripts abbreviated as Flyway
 * abbreviates them), so every later Flyway run, and {@code status}, reads it as its own.
 */
public final class HistoryTable {

    private final String schema;

    public HistoryTable(String schema) {
        this.schema = schema;
    }

    String table() {
        return Identifiers.quote(schema) + "." + Identifiers.quote(MigrationService.HISTORY_TABLE);
    }

    /** Creates the table as Flyway would, inside the caller's transaction; nothing when it exists. */
    public void ensureExists(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute("CREATE SCHEMA IF NOT EXISTS " + Identifiers.quote(schema));
            s.execute("CREATE TABLE IF NOT EXISTS " + table() + " ("
                    + " installed_rank integer NOT NULL,"
                    + " version varchar(50),"
                    + " description varchar(200) NOT NULL,"
                    + " type varchar(20) NOT NULL,"
                    + " script varchar(1000) NOT NULL,"
                    + " checksum integer,"
                    + " installed_by varchar(100) NOT NULL,"
                    + " installed_on timestamp NOT NULL DEFAULT now(),"
                    + " execution_time integer NOT NULL,"
                    + " success boolean NOT NULL,"
                    + " CONSTRAINT " + Identifiers.quote(MigrationService.HISTORY_TABLE + "_pk")
                    + " PRIMARY KEY (installed_rank))");
            s.execute("CREATE INDEX IF NOT EXISTS " + Identifiers.quote(MigrationService.HISTORY_TABLE + "_s_idx")
                    + " ON " + table() + " (success)");
        }
    }

    /**
     * Flyway's test before it creates the history in an existing schema (PostgreSQLSchema.doEmpty
     * in Flyway 12): no table, view, sequence, type or function that an extension did not bring.
     */
    private static final String SCHEMA_HOLDS_OBJECTS = """
            SELECT EXISTS (
                SELECT c.oid FROM pg_catalog.pg_class c
                JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
                LEFT JOIN pg_catalog.pg_depend d ON d.objid = c.oid AND d.deptype = 'e'
                WHERE n.nspname = ? AND d.objid IS NULL AND c.relkind IN ('r', 'v', 'S', 't')
              UNION ALL
                SELECT t.oid FROM pg_catalog.pg_type t
                JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace
                LEFT JOIN pg_catalog.pg_depend d ON d.objid = t.oid AND d.deptype = 'e'
                WHERE n.nspname = ? AND d.objid IS NULL AND t.typcategory NOT IN ('A', 'C')
              UNION ALL
                SELECT p.oid FROM pg_catalog.pg_proc p
                JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace
                LEFT JOIN pg_catalog.pg_depend d ON d.objid = p.oid AND d.deptype = 'e'
                WHERE n.nspname = ? AND d.objid IS NULL
            )""";

    /** The description Flyway gives the row that says it created the schema. */
    static final String SCHEMA_CREATION = "<< Flyway Schema Creation >>";

    /** Whether the history table exists. */
    public boolean exists(Connection connection) throws SQLException {
        return Relations.exists(connection, table());
    }

    /**
     * What Flyway's migrate does before its first step when there is no history yet, in one
     * transaction of the caller's: a missing schema is created, with the history and Flyway's
     * schema-creation row (rank 0) in it; an existing schema gets the history only when it is
     * empty as Flyway counts it.
     *
     * @return false, changing nothing, when the schema exists and holds objects (Flyway's
     *         "non-empty schema without history" refusal)
     */
    boolean create(Connection connection, String installedBy) throws SQLException {
        boolean schemaExists;
        try (PreparedStatement s = connection.prepareStatement("SELECT 1 FROM pg_namespace WHERE nspname = ?")) {
            s.setString(1, schema);
            try (ResultSet rs = s.executeQuery()) {
                schemaExists = rs.next();
            }
        }
        if (schemaExists) {
            try (PreparedStatement s = connection.prepareStatement(SCHEMA_HOLDS_OBJECTS)) {
                s.setString(1, schema);
                s.setString(2, schema);
                s.setString(3, schema);
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                    if (rs.getBoolean(1)) {
                        return false;
                    }
                }
            }
        }
        ensureExists(connection);
        if (!schemaExists) {
            append(connection, 0, null, SCHEMA_CREATION, "SCHEMA", Identifiers.quote(schema), null, installedBy,
                    0, true);
        }
        return true;
    }

    /** Flyway's own test whether the history exists (PostgreSQLTable.doExists): a table, not a view. */
    private static final String FLYWAY_TABLE_EXISTS = """
            SELECT EXISTS (SELECT 1 FROM pg_catalog.pg_class c
                           JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
                           WHERE n.nspname = ? AND c.relname = ? AND c.relkind = 'r')""";

    /**
     * Every row in {@code installed_rank} order, with Flyway's own query (its columns, ranks above -1);
     * no table is an empty history, as Flyway treats it. One query on the caller's session.
     */
    List<HistoryRow> rows(Connection connection) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement(FLYWAY_TABLE_EXISTS)) {
            s.setString(1, schema);
            s.setString(2, MigrationService.HISTORY_TABLE);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                if (!rs.getBoolean(1)) {
                    return List.of();
                }
            }
        }
        List<HistoryRow> rows = new ArrayList<>();
        try (Statement s = connection.createStatement();
             ResultSet rs = s.executeQuery("SELECT installed_rank, version, description, type, script, checksum,"
                     + " installed_on, installed_by, execution_time, success FROM " + table()
                     + " WHERE installed_rank > -1 ORDER BY installed_rank")) {
            while (rs.next()) {
                int checksum = rs.getInt(6);
                Integer storedChecksum = rs.wasNull() ? null : checksum;
                Timestamp installedOn = rs.getTimestamp(7);
                rows.add(new HistoryRow(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), storedChecksum, installedOn == null ? null : installedOn.toInstant(),
                        rs.getString(8), rs.getInt(9), rs.getBoolean(10)));
            }
        }
        return rows;
    }

    /** The rank the next row takes: one above the highest, 1 for the first (Flyway's rule). */
    int nextRank(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement();
             ResultSet rs = s.executeQuery("SELECT max(installed_rank) FROM " + table())) {
            rs.next();
            int highest = rs.getInt(1);
            return rs.wasNull() ? 1 : highest + 1;
        }
    }

    /**
     * Appends one row as Flyway's {@code addAppliedMigration} writes it, in the caller's
     * transaction (a step's, so that the row commits with it).
     *
     * @return when the server says it was installed
     */
    Instant append(Connection connection, int rank, String version, String description, String type, String script,
                   Integer checksum, String installedBy, int executionMillis, boolean success) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement("INSERT INTO " + table()
                + " (installed_rank, version, description, type, script, checksum, installed_by, execution_time,"
                + " success) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING installed_on")) {
            s.setInt(1, rank);
            s.setString(2, version);
            s.setString(3, AbbreviationUtils.abbreviateDescription(description));
            s.setString(4, type);
            s.setString(5, AbbreviationUtils.abbreviateScript(script));
            if (checksum == null) {
                s.setNull(6, Types.INTEGER);
            } else {
                s.setInt(6, checksum);
            }
            s.setString(7, installedBy(installedBy));
            s.setInt(8, executionMillis);
            s.setBoolean(9, success);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getTimestamp(1).toInstant();
            }
        }
    }

    private static String installedBy(String installedBy) {
        return installedBy.length() > 100 ? installedBy.substring(0, 100) : installedBy;
    }

    /**
     * Appends successful rows for migrations recorded without running (execution time 0),
     * after the highest rank present, in the caller's transaction.
     */
    public void recordApplied(Connection connection, List<MigrationRecord> migrations, String installedBy)
            throws SQLException {
        try (PreparedStatement s = connection.prepareStatement("INSERT INTO " + table()
                + " (installed_rank, version, description, type, script, checksum, installed_by, execution_time,"
                + " success) SELECT coalesce(max(installed_rank), 0) + 1, ?, ?, ?, ?, ?, ?, 0, true FROM " + table())) {
            for (MigrationRecord migration : migrations) {
                s.setString(1, migration.version());
                s.setString(2, migration.description());
                s.setString(3, migration.type());
                s.setString(4, migration.script());
                if (migration.checksum() == null) {
                    s.setNull(5, java.sql.Types.INTEGER);
                } else {
                    s.setInt(5, migration.checksum());
                }
                s.setString(6, installedBy(installedBy));
                s.executeUpdate();
            }
        }
    }
}
