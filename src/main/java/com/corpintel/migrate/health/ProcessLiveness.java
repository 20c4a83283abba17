package com.corpintel.migrate.health;

import com.corpintel.migrate.Failure;
import com.corpintel.migrate.migrate.BundledMigrations;
import com.corpintel.migrate.migrate.MigrationSource;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/**
 * Liveness: the process can work, i.e. it runs and carries its migrations. It
 * never depends on the database: a database outage must not get pods restarted.
 */
@Liveness
@ApplicationScoped
public class ProcessLiveness implements HealthCheck {

    @Override
    public HealthCheckResponse call() {
        MigrationSource.Inventory bundled;
        try {
            bundled = new BundledMigrations().inventory();
        } catch (Failure e) {
            return HealthCheckResponse.named("intel-migrate").down().withData("bundledMigrations", e.getMessage()).build();
        }
        return HealthCheckResponse.named("intel-migrate")
                .up()
                .withData("bundledMigrations", bundled.migrations())
                .build();
    }
}
