package com.corpintel.migrate.migrate;

import com.corpintel.migrate.Failure;
import com.corpintel.migrate.db.Database;
import com.corpintel.migrate.db.Extensions;
import com.corpintel.migrate.db.ServerInfo;
import com.corpintel.migrate.db.SqlFailures;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** The refusals a schema-changing command makes before it touches anything. */
public final class Preflight {

    private Preflight() {
    }

    /** Connects once and reads what the server is; a failure to connect is exit 3. */
    public static ServerInfo reach(Database database) {
        try (Connection connection = database.connect()) {
            return ServerInfo.read(connection);
        } catch (SQLException e) {
            throw SqlFailures.onConnect(e, database.connection());
        }
    }

    /** {@link #reach(Database)}, keeping the session open for the caller, who closes it. */
    static Reached reachKeeping(Database database) {
        Connection connection = database.connect();
        try {
            return new Reached(connection, ServerInfo.read(connection));
        } catch (SQLException e) {
            closeQuietly(connection);
            throw SqlFailures.onConnect(e, database.connection());
        }
    }

    /** A session that reached the server, and what the server is. */
    record Reached(Connection session, ServerInfo server) {
        void close() {
            closeQuietly(session);
        }
    }

    private static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException ignored) {
            // nothing was done on it that needs ending
        }
    }

    public static void requireSupportedServer(ServerInfo server) {
        if (server.versionNumber() < ServerInfo.MINIMUM_VERSION_NUMBER) {
            throw Failure.refused("PostgreSQL " + server.version() + " is too old: the platform schema needs 14 or newer");
        }
    }

    public static void requireWritable(ServerInfo server) {
        if (server.inRecovery()) {
            throw Failure.refused("the server is a read-only standby (pg_is_in_recovery() is true): "
                    + "run schema changes against the primary");
        }
        if (server.readOnly()) {
            throw Failure.refused("this session is read-only (transaction_read_only is on, e.g. through"
                    + " default_transaction_read_only for the database or role): nothing can be changed");
        }
    }

    /** Every extension the migrations create must be installable; timescaledb must also be preloaded. */
    static void requireExtensions(Extensions extensions) {
        List<String> missing = new ArrayList<>();
        for (Extensions.Extension required : Extensions.REQUIRED) {
            Extensions.Available found = extensions.find(required.name());
            if (found == null) {
                missing.add(required.name() + " (" + required.packageHint() + ")");
            } else if (!found.atLeast(required.minimumVersion())) {
                missing.add(required.name() + " " + required.minimumVersion() + " or newer (the server has "
                        + found.effectiveVersion() + ")");
            }
        }
        if (!missing.isEmpty()) {
            throw Failure.refused("required extensions are not available on the server: " + String.join(", ", missing)
                    + "; install them on the database server first");
        }
        Extensions.Available timescale = extensions.find("timescaledb");
        if (timescale.installedVersion() == null && !extensions.timescalePreloaded()) {
            throw Failure.refused("timescaledb is installed on the server but not preloaded: add timescaledb to"
                    + " shared_preload_libraries in postgresql.conf and restart the server");
        }
    }
}
