package com.corpintel.migrate.create;

import com.corpintel.migrate.Failure;
import com.corpintel.migrate.config.ConnectionSettings;
import com.corpintel.migrate.db.Database;
import com.corpintel.migrate.db.Identifiers;
import com.corpintel.migrate.db.SessionSettings;
import com.corpintel.migrate.db.SqlFailures;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Consumer;

/**
 * A development server (--dev-url) on which {@code create} makes temporary databases of its
 * own. Closing drops every one it made, also after a failure; a database that cannot be
 * dropped is named on stderr so that nothing is left behind silently.
 */
public final class ScratchServer implements AutoCloseable {

    static final String PREFIX = "intel_migrate_scratch_";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final ConnectionSettings server;
    private final Consumer<String> progress;
    private final List<String> created = new ArrayList<>();

    public ScratchServer(ConnectionSettings server, Consumer<String> progress) {
        this.server = server;
        this.progress = progress;
    }

    /** A new empty database on the server, dropped on {@link #close()}. */
    public Database create(String purpose) {
        byte[] bytes = new byte[6];
        RANDOM.nextBytes(bytes);
        String name = PREFIX + purpose + "_" + HexFormat.of().formatHex(bytes);
        try (Connection connection = database(server.database()).connect();
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + Identifiers.quote(name));
            created.add(name);
        } catch (SQLException e) {
            throw Failure.refused("cannot create a temporary database on the development server "
                    + server.describe() + " (--dev-url): " + SqlFailures.serverMessage(e));
        }
        return database(name);
    }

    private Database database(String name) {
        ConnectionSettings settings = new ConnectionSettings(server.host(), server.port(), name, server.user(),
                server.password(), server.sslMode(), server.parameters(), server.origin());
        return new Database(settings, new SessionSettings("public", "intel-migrate create", null, Duration.ZERO,
                Duration.ZERO));
    }

    @Override
    public void close() {
        for (String name : created) {
            try (Connection connection = database(server.database()).connect();
                 Statement statement = connection.createStatement()) {
                statement.execute("DROP DATABASE IF EXISTS " + Identifiers.quote(name) + " WITH (FORCE)");
            } catch (SQLException | RuntimeException e) {
                progress.accept("could not drop the temporary database " + name + " on " + server.describe()
                        + ": drop it by hand (" + e.getMessage() + ")");
            }
        }
        created.clear();
    }
}
