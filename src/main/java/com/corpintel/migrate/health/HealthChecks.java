package com.corpintel.migrate.health;

import com.corpintel.migrate.migrate.MigrationService;

import java.util.ArrayList;
import java.util.List;

/**
 * The health checks of one database, run fresh on every call: what `health` prints
 * once and `serve` answers per request. Plain objects rather than a health
 * framework, so that no command but `serve` starts anything for them.
 */
public final class HealthChecks {

    /** Which checks a probe runs, as MicroProfile Health groups them. */
    public enum Scope { LIVE, READY, ALL }

    private final ProcessLiveness liveness;
    private final DatabaseReadiness database;
    private final SchemaReadiness schema;

    public HealthChecks(MigrationService migrations) {
        this.liveness = new ProcessLiveness();
        this.database = new DatabaseReadiness(migrations.database());
        this.schema = new SchemaReadiness(migrations);
    }

    public HealthReport report(Scope scope) {
        List<HealthCheckResult> checks = new ArrayList<>();
        if (scope != Scope.READY) {
            checks.add(liveness.call());
        }
        if (scope != Scope.LIVE) {
            HealthCheckResult reachable = database.call();
            checks.add(reachable);
            // One connection attempt per probe: a second one would only double the time an outage takes to report.
            checks.add(reachable.up() ? schema.call() : schema.unreachable(reachable));
        }
        return new HealthReport(checks);
    }
}
