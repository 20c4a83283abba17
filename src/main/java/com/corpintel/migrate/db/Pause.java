package com.corpintel.migrate.db;

import com.corpintel.migrate.Failure;

import java.time.Duration;

/** Waiting between retries; an interrupt ends the command instead of being swallowed. */
public final class Pause {

    private Pause() {
    }

    public static void sleep(Duration pause) {
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Failure(Failure.Kind.MIGRATION, "interrupted while waiting to retry");
        }
    }
}
