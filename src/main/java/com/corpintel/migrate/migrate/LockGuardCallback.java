package com.corpintel.migrate.migrate;

import com.corpintel.migrate.db.MigrationLock;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;

/**
 * Before each upgrade step, checks that this run still holds the migration lock: its
 * session sits idle for the whole run, and if something ended it, another runner may
 * be migrating now. The step is then not run, and the run stops with exit 4.
 */
final class LockGuardCallback extends StepCallback {

    private MigrationLock lock;

    LockGuardCallback() {
        // The check runs on the lock's own session, not in the step's transaction.
        super("lock guard", Event.BEFORE_EACH_MIGRATE);
    }

    /** The lock the coming steps run under; set once it is taken. */
    void guard(MigrationLock lock) {
        this.lock = lock;
    }

    @Override
    public void handle(Event event, Context context) {
        String step = context.getMigrationInfo() == null ? "the next step" : label(context.getMigrationInfo());
        if (lock == null) {
            throw new IllegalStateException(step + " was about to run without the migration lock");
        }
        lock.requireHeld(step);
    }
}
