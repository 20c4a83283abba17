package com.corpintel.migrate.migrate;

import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Follows the steps of one {@code migrate()} call through Flyway's public callback
 * events, so that when the call fails the upgrade can say which step failed and which
 * ones it applied before, without Flyway's internal exception types.
 */
final class StepTracker extends StepCallback {

    private final List<UpgradeResult.Applied> completed = new ArrayList<>();
    private MigrationInfo running;
    private long startedNanos;

    StepTracker() {
        super("step tracker", Event.BEFORE_EACH_MIGRATE, Event.AFTER_EACH_MIGRATE);
    }

    /** Forgets the steps of an earlier call: its applied steps are already counted. */
    void reset() {
        completed.clear();
        running = null;
    }

    /** The step that began and did not finish; empty when the failure came between steps. */
    Optional<MigrationInfo> failed() {
        return Optional.ofNullable(running);
    }

    /** The steps that finished in this call, in order. */
    List<UpgradeResult.Applied> completed() {
        return List.copyOf(completed);
    }

    @Override
    public void handle(Event event, Context context) {
        MigrationInfo migration = context.getMigrationInfo();
        if (event == Event.BEFORE_EACH_MIGRATE) {
            running = migration;
            startedNanos = System.nanoTime();
            return;
        }
        running = null;
        if (migration != null && migration.getVersion() != null) {
            completed.add(new UpgradeResult.Applied(migration.getVersion().getVersion(), migration.getDescription(),
                    (int) ((System.nanoTime() - startedNanos) / 1_000_000)));
        }
    }
}
