package com.corpintel.migrate.migrate;

import com.corpintel.migrate.db.Extensions;
import com.corpintel.migrate.db.Identifiers;
import com.corpintel.migrate.db.SqlFailures;
import com.corpintel.migrate.timescale.TimescaleLicense;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The privileged things the first upgrade does, tried in a transaction that is always
 * rolled back: creating the extensions, and creating objects in the schema. A role that
 * may not do one of them is refused here, before anything has changed, with the
 * server's own reason and what to do, instead of failing in the middle of version 1.
 */
final class UpgradeTrial {

    private static final String WHAT = "cannot prepare the upgrade";

    private UpgradeTrial() {
    }

    /** The required extensions this database does not have yet, in the order version 1 creates them. */
    static List<String> missing(Extensions extensions) {
        return Extensions.REQUIRED.stream()
                .map(Extensions.Extension::name)
                .filter(name -> extensions.find(name) == null || extensions.find(name).installedVersion() == null)
                .toList();
    }

    /**
     * Creates {@code missing} and reads TimescaleDB's license while they exist (null when it
     * cannot be told), then rolls back.
     *
     * @throws com.corpintel.migrate.Failure refused when the role may not create one of them
     */
    static String license(Connection connection, List<String> missing, String database) throws SQLException {
        return rolledBack(connection, () -> {
            try (Statement statement = connection.createStatement()) {
                for (String name : missing) {
                    statement.execute("CREATE EXTENSION IF NOT EXISTS " + Identifiers.quote(name));
                }
            } catch (SQLException e) {
                throw SqlFailures.whilePreparing(e, WHAT, "run as a role that may create extensions (a superuser;"
                        + " for extensions marked trusted, a role with CREATE on the database) or have an"
                        + " administrator create " + String.join(", ", missing) + " in database " + database
                        + " first");
            }
            return TimescaleLicense.ofInstalled(connection).orElse(null);
        });
    }

    /**
     * Creates a table in {@code schema} (or the schema, when it does not exist: Flyway creates
     * it), then rolls back: the history table and version 1's tables need that privilege.
     *
     * @throws com.corpintel.migrate.Failure refused when the role may not
     */
    static void createInSchema(Connection connection, String schema) throws SQLException {
        rolledBack(connection, () -> {
            boolean exists;
            try (PreparedStatement s = connection.prepareStatement("SELECT 1 FROM pg_namespace WHERE nspname = ?")) {
                s.setString(1, schema);
                try (ResultSet rs = s.executeQuery()) {
                    exists = rs.next();
                }
            }
            try (Statement statement = connection.createStatement()) {
                statement.execute(exists
                        ? "CREATE TABLE " + Identifiers.quote(schema) + ".intel_migrate_privilege_trial ()"
                        : "CREATE SCHEMA " + Identifiers.quote(schema));
            } catch (SQLException e) {
                throw SqlFailures.whilePreparing(e, WHAT, exists
                        ? "the upgrade creates its history and the platform's tables in schema " + schema + ": GRANT"
                                + " CREATE ON SCHEMA " + Identifiers.quote(schema) + " to this role, or run as the"
                                + " schema's owner"
                        : "the upgrade creates schema " + schema + ": GRANT CREATE ON DATABASE to this role, or"
                                + " have an administrator create the schema and GRANT CREATE on it first");
            }
            return null;
        });
    }

    private interface Trial<T> {
        T run() throws SQLException;
    }

    private static <T> T rolledBack(Connection connection, Trial<T> trial) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try {
            return trial.run();
        } finally {
            connection.rollback();
            connection.setAutoCommit(autoCommit);
        }
    }
}
