package com.corpintel.migrate.health;

import com.corpintel.migrate.migrate.MigrationService;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Optional;

/**
 * The database the health checks look at. Connections are resolved per command
 * (options, URL, PG* variables), so `health` and `serve` hand theirs over here
 * before the checks run; until then readiness is DOWN.
 */
@ApplicationScoped
public class HealthTarget {

    private volatile MigrationService migrations;

    public void set(MigrationService migrations) {
        this.migrations = migrations;
    }

    public Optional<MigrationService> get() {
        return Optional.ofNullable(migrations);
    }
}
