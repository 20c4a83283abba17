package com.corpintel.migrate.migrate;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;

/**
 * Where a command's time goes, for whoever measures it: with {@code INTEL_MIGRATE_TIMINGS=1} each
 * phase prints one line to stderr, its own duration and the time since the process started (so
 * the JVM's or the native executable's own start shows as the first phase's offset). Off, it
 * costs nothing. Read when the command runs, never in a static initializer, so a native
 * executable sees the variable of its run, not of its build.
 */
final class PhaseTimings {

    static final String VARIABLE = "INTEL_MIGRATE_TIMINGS";

    private final String command;
    private final PrintStream out;
    private final Instant processStart;
    private long last;

    private PhaseTimings(String command, PrintStream out) {
        this.command = command;
        this.out = out;
        this.processStart = out == null ? null
                : ProcessHandle.current().info().startInstant().orElse(null);
        this.last = System.nanoTime();
        if (out != null) {
            line("start", 0);
        }
    }

    static PhaseTimings fromEnvironment(String command) {
        return new PhaseTimings(command, "1".equals(System.getenv(VARIABLE)) ? System.err : null);
    }

    /** Prints nothing: for callers that are not measured. */
    static PhaseTimings off() {
        return new PhaseTimings(null, null);
    }

    /** Ends the phase called {@code phase}, begun at the previous mark. */
    void mark(String phase) {
        if (out == null) {
            return;
        }
        long now = System.nanoTime();
        line(phase, (now - last) / 1_000_000);
        last = now;
    }

    private void line(String phase, long millis) {
        String since = processStart == null ? "?"
                : Long.toString(Duration.between(processStart, Instant.now()).toMillis());
        out.println("intel-migrate: timing " + command + " " + phase + ": " + millis + " ms (" + since
                + " ms since the process started)");
        out.flush();
    }
}
