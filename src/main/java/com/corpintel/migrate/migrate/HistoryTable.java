package com.corpintel.migrate.migrate;

import com.corpintel.migrate.db.Identifiers;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * Writes Flyway's history table where Flyway itself does not: rows for migrations that
 * {@code baseline} records without running. The table is Flyway's own shape (as Flyway 12
 * creates it on PostgreSQL), so every later Flyway run reads it as its own.
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
                s.setString(6, installedBy.length() > 100 ? installedBy.substring(0, 100) : installedBy);
                s.executeUpdate();
            }
        }
    }
}
