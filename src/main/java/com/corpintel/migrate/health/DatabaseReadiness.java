package com.corpintel.migrate.health;

import com.corpintel.migrate.Failure;
import com.corpintel.migrate.config.Redaction;
import com.corpintel.migrate.db.ServerInfo;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

import java.sql.Connection;
import java.sql.SQLException;

/** Readiness, part one: the database is reachable and accepts this login. */
@Readiness
@ApplicationScoped
public class DatabaseReadiness implements HealthCheck {

    public static final String NAME = "database";

    @Inject
    HealthTarget target;

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named(NAME);
        if (target.get().isEmpty()) {
            return response.down().withData("reason", "no database configured yet").build();
        }
        var database = target.get().get().database();
        response.withData("database", database.connection().describe());
        long started = System.nanoTime();
        try (Connection connection = database.connect()) {
            ServerInfo server = ServerInfo.read(connection);
            return response.up()
                    .withData("serverVersion", server.version())
                    .withData("standby", server.inRecovery())
                    .withData("connectMillis", (System.nanoTime() - started) / 1_000_000)
                    .build();
        } catch (Failure | SQLException e) {
            return response.down().withData("reason", Redaction.redact(e.getMessage())).build();
        }
    }
}
