package com.corpintel.migrate.it;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Waits for observable state (a line a process printed, a row in pg_stat_activity)
 * instead of sleeping and hoping: returns as soon as the condition holds, and fails
 * with what was being waited for and what was seen once the deadline passes. The
 * deadline only bounds a hang; it is not a timing assertion.
 */
final class Eventually {

    private static final long FIRST_PAUSE_MILLIS = 10;
    private static final long LONGEST_PAUSE_MILLIS = 200;

    private Eventually() {
    }

    static void until(String what, Duration within, BooleanSupplier condition) {
        until(what, within, condition, () -> "");
    }

    /**
     * @param what     what is awaited, for the failure message ("the upgrade to wait for the lock")
     * @param seen     the state to report when the deadline passes
     */
    static void until(String what, Duration within, BooleanSupplier condition, Supplier<String> seen) {
        long deadline = System.nanoTime() + within.toNanos();
        long pause = FIRST_PAUSE_MILLIS;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline >= 0) {
                String state = seen.get();
                throw new AssertionError("gave up after " + within.toSeconds() + " s waiting for " + what
                        + (state.isBlank() ? "" : "; last seen:\n" + state));
            }
            try {
                Thread.sleep(pause);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for " + what, e);
            }
            pause = Math.min(pause * 2, LONGEST_PAUSE_MILLIS);
        }
    }
}
