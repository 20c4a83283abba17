package com.corpintel.migrate.migrate;

import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Lines printed when a given step begins, and only then: said before the run, such a
 * line would precede refusals (a non-empty schema, a failing earlier step) as if the
 * step had started.
 */
final class StepNotices extends StepCallback {

    private final Consumer<String> progress;
    private final Map<String, String> byVersion = new ConcurrentHashMap<>();

    StepNotices(Consumer<String> progress) {
        super("step notices", Event.BEFORE_EACH_MIGRATE);
        this.progress = progress;
    }

    /** Prints {@code line} when version {@code version} begins in the coming run. */
    void announce(String version, String line) {
        byVersion.put(version, line);
    }

    @Override
    public void handle(Event event, Context context) {
        MigrationInfo migration = context.getMigrationInfo();
        if (migration != null && migration.getVersion() != null) {
            String line = byVersion.remove(migration.getVersion().getVersion());
            if (line != null) {
                progress.accept(line);
            }
        }
    }
}
