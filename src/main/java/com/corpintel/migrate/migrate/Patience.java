package com.corpintel.migrate.migrate;

import java.time.Duration;
import java.util.function.Consumer;

/**
 * How a schema-changing command waits: for the migration lock, and before running a
 * step again after a lock timeout.
 *
 * @param lockWait           how long to wait for the migration lock another run holds
 * @param lockTimeoutRetries how often one step runs again after a lock timeout
 * @param firstRetryPause    the pause before the first retry; it doubles after each
 */
public record Patience(Duration lockWait, int lockTimeoutRetries, Duration firstRetryPause) {

    /** A fresh retry budget for one step. */
    public StepRetries retries(Consumer<String> progress) {
        return new StepRetries(this, progress);
    }
}
