package com.corpintel.migrate.migrate;

import com.corpintel.migrate.db.MigrationLock;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;

/**
 * Before each upgrade step, checks that this run still holds the migration lock: its
 * session sits idle for the whole run, and if something ended it, another runner may
 * be migrating now. The step is then not run, and the run stops with exit 4.
 */
final class LockGuardCallback implements Callback {

    private MigrationLock lock;

    /** The lock the coming steps run under; set once it is taken. */
    void guard(MigrationLock lock) {
        this.lock = lock;
    }

    @Override
    public boolean supports(Event event, Context context) {
        return event == Event.BEFORE_EACH_MIGRATE;
    }

    @Override
    public boolean canHandleInTransaction(Event event, Context context) {
        // The check runs on the lock's own session, not in the step's transaction.
        return true;
    }

    @Override
    public void handle(Event event, Context context) {
        MigrationInfo migration = context.getMigrationInfo();
        String step = migration == null ? "the next step" : "V" + migration.getVersion() + " " + migration.getDescription();
        if (lock == null) {
            throw new IllegalStateException(step + " was about to run without the migration lock");
        }
        lock.requireHeld(step);
    }

    @Override
    public String getCallbackName() {
        return "intel-migrate lock guard";
    }
}
