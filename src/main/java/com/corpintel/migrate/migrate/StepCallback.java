package com.corpintel.migrate.migrate;

import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;

import java.util.EnumSet;
import java.util.Set;

/**
 * What intel-migrate's Flyway callbacks share: they follow the steps of one upgrade,
 * on the events they name, inside the step's transaction.
 */
abstract class StepCallback implements Callback {

    private final String name;
    private final Set<Event> events;

    StepCallback(String name, Event first, Event... rest) {
        this.name = "intel-migrate " + name;
        this.events = EnumSet.of(first, rest);
    }

    /** "V3 permission scopes"; "a migration" when Flyway names none. */
    static String label(MigrationInfo migration) {
        return migration == null || migration.getVersion() == null
                ? "a migration" : "V" + migration.getVersion() + " " + migration.getDescription();
    }

    @Override
    public final boolean supports(Event event, Context context) {
        return events.contains(event);
    }

    @Override
    public final boolean canHandleInTransaction(Event event, Context context) {
        return true;
    }

    @Override
    public final String getCallbackName() {
        return name;
    }
}
