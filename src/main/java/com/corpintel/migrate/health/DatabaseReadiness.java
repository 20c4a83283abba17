package com.corpintel.migrate.health;

import com.corpintel.migrate.Failure;
import com.corpintel.migrate.config.Redaction;
import com.corpintel.migrate.db.Database;
import com.corpintel.migrate.db.ServerInfo;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;

/** Readiness, part one: the database is reachable and accepts this login. */
public final class DatabaseReadiness {

    public static final String NAME = "database";

    private final Database database;

    public DatabaseReadiness(Database database) {
        this.database = database;
    }

    public HealthCheckResult call() {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("database", database.connection().describe());
        long started = System.nanoTime();
        try (Connection connection = database.connect()) {
            ServerInfo server = ServerInfo.read(connection);
            data.put("serverVersion", server.version());
            data.put("standby", server.inRecovery());
            data.put("connectMillis", (System.nanoTime() - started) / 1_000_000);
            return HealthCheckResult.up(NAME, data);
        } catch (Failure | SQLException e) {
            data.put("reason", Redaction.redact(e.getMessage()));
            return HealthCheckResult.down(NAME, Failure.Kind.CONNECTION, data);
        }
    }
}
