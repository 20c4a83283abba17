package com.corpintel.migrate.migrate;

import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;
import org.flywaydb.core.api.migration.JavaMigration;

import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

/**
 * Logs each successful upgrade step inside the migration's own transaction, so the
 * log, Flyway's history and the schema change commit together. Failed steps are
 * logged by the upgrade on a fresh session, since their transaction
 * rolls back. The entry's detail names the extensions the step created
 * ({@link CreatedExtensions}).
 */
final class OperationsLogCallback extends StepCallback {

    /** A Java step with something to say in its entry's detail column, such as the branch it ran. */
    interface Detailed {
        /** Null when there is nothing to say. */
        String operationsLogDetail();
    }

    private final OperationsLog log;
    private Instant started = Instant.now();
    private long startedNanos = System.nanoTime();
    private List<String> extensionsBefore = List.of();

    OperationsLogCallback(OperationsLog log) {
        super("operations log", Event.BEFORE_EACH_MIGRATE, Event.AFTER_EACH_MIGRATE);
        this.log = log;
    }

    /** When the current step began, for the failure entry. */
    Instant started() {
        return started;
    }

    long elapsedMillis() {
        return (System.nanoTime() - startedNanos) / 1_000_000;
    }

    @Override
    public void handle(Event event, Context context) {
        if (event == Event.BEFORE_EACH_MIGRATE) {
            started = Instant.now();
            startedNanos = System.nanoTime();
            try {
                extensionsBefore = CreatedExtensions.installed(context.getConnection());
            } catch (SQLException e) {
                throw new IllegalStateException("cannot read the extensions before the step: " + e.getMessage(), e);
            }
            return;
        }
        MigrationInfo migration = context.getMigrationInfo();
        if (migration == null || migration.getVersion() == null) {
            return;
        }
        try {
            String detail = CreatedExtensions.detail(migration.getVersion().getVersion(), extensionsBefore,
                    CreatedExtensions.installed(context.getConnection()));
            log.ensureExists(context.getConnection());
            log.record(context.getConnection(), migration.getVersion().getVersion(), migration.getDescription(),
                    "upgrade", true, started, elapsedMillis(), joined(detail, detail(context, migration)));
        } catch (SQLException e) {
            throw new IllegalStateException("cannot write the operations log: " + e.getMessage(), e);
        }
    }

    /** Both details of one step (the extensions it created, what its Java migration did), either may be null. */
    private static String joined(String first, String second) {
        return first == null ? second : second == null ? first : first + "; " + second;
    }

    /** The step is the configured Java migration of that version, if one is and has a detail. */
    private static String detail(Context context, MigrationInfo migration) {
        for (JavaMigration java : context.getConfiguration().getJavaMigrations()) {
            if (java instanceof Detailed detailed && migration.getVersion().equals(java.getVersion())) {
                return detailed.operationsLogDetail();
            }
        }
        return null;
    }
}
