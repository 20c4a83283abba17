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
import java.util.Optional;

/**
 * The privileged things the first upgrade does, checked before anything changes: creating the
 * extensions, and creating objects in the schema. A role that may not do one of them is refused
 * here with the server's own reason and what to do, instead of failing in the middle of
 * version 1. The catalog answers first ({@code pg_available_extension_versions}, the role's
 * privileges); only when it says no is the CREATE EXTENSION tried, in a transaction that is
 * always rolled back, for the server's own words.
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
     * What the license read found, and whether it loaded TimescaleDB's library into the session's
     * server process to get there (by LOAD, or by creating extensions in a rolled-back transaction).
     */
    record Outcome(String license, boolean libraryLoaded) {
    }

    /**
     * Whether this role may create every extension in {@code missing}: a superuser may; another
     * role needs CREATE on the database (and on the schema it goes to) and extensions that do
     * not need a superuser or are marked trusted. A superuser is answered without reading
     * {@code pg_available_extension_versions}, which reads the control file of every version of
     * every extension on the server (about 25 ms).
     */
    private static final String MAY_CREATE_EXTENSIONS = """
            SELECT CASE WHEN (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) THEN true
                   ELSE (SELECT coalesce(bool_and((NOT v.superuser OR v.trusted)
                                    AND has_database_privilege(current_database(), 'CREATE')
                                    AND coalesce(has_schema_privilege(current_schema(), 'CREATE'), false)), false)
                         FROM pg_available_extension_versions v
                         JOIN pg_available_extensions a ON a.name = v.name AND a.default_version = v.version
                         WHERE v.name = ANY (?))
                   END
            """;

    /**
     * TimescaleDB's license (null when it cannot be told, or is not needed and not loaded), after
     * checking that the role may create {@code missing}. The license is read where the library is
     * loaded, which it is once the extension exists; only when it is {@code needed} (version 2 is
     * pending, or --timescale-features=required) and the extension does not exist yet is the
     * library loaded to read it ({@link TimescaleLicense#ofLibrary}, a superuser's few
     * milliseconds), or else the extensions created to read it, then rolled back.
     *
     * @throws com.corpintel.migrate.Failure refused when the role may not create one of them
     */
    static Outcome license(Connection connection, List<String> missing, String database, boolean needed)
            throws SQLException {
        if (!missing.isEmpty() && !mayCreate(connection, missing)) {
            return new Outcome(trial(connection, missing, database), true);
        }
        Optional<String> loaded = TimescaleLicense.ofLoaded(connection);
        if (loaded.isPresent() || !needed || missing.isEmpty()) {
            return new Outcome(loaded.orElse(null), false);
        }
        // The catalog said this role may create them: reading the library's answer is enough.
        Optional<String> library = TimescaleLicense.ofLibrary(connection);
        if (library.isPresent()) {
            return new Outcome(library.get(), true);
        }
        return new Outcome(trial(connection, missing, database), true);
    }

    private static boolean mayCreate(Connection connection, List<String> missing) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement(MAY_CREATE_EXTENSIONS)) {
            s.setArray(1, connection.createArrayOf("text", missing.toArray()));
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
    }

    /**
     * Creates {@code missing} and reads TimescaleDB's license while they exist (null when it
     * cannot be told), then rolls back.
     */
    private static String trial(Connection connection, List<String> missing, String database) throws SQLException {
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
