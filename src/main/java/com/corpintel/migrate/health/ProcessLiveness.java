package com.corpintel.migrate.health;

import com.corpintel.migrate.migrate.BundledMigrations;
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
        boolean bundled = BundledMigrations.class.getClassLoader()
                .getResource(BundledMigrations.MIGRATION_DIRECTORY + "V1__initial_schema.sql") != null;
        return HealthCheckResponse.named("intel-migrate")
                .status(bundled)
                .withData("bundledMigrations", bundled ? "present" : "missing")
                .build();
    }
}
