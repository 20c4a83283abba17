package com.corpintel.migrate.health;

import com.corpintel.migrate.Failure;
import com.corpintel.migrate.migrate.BundledMigrations;
import com.corpintel.migrate.migrate.MigrationSource;

import java.util.Map;

/**
 * Liveness: the process can work, i.e. it runs and carries its migrations. It
 * never depends on the database: a database outage must not get pods restarted.
 */
public final class ProcessLiveness {

    public static final String NAME = "intel-migrate";

    public HealthCheckResult call() {
        MigrationSource.Inventory bundled;
        try {
            bundled = new BundledMigrations().inventory();
        } catch (Failure e) {
            return HealthCheckResult.down(NAME, e.kind(), Map.of("bundledMigrations", e.getMessage()));
        }
        return HealthCheckResult.up(NAME, Map.of("bundledMigrations", bundled.migrations()));
    }
}
