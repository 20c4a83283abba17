package com.corpintel.migrate.migrate;

import java.util.Locale;

/**
 * Where one migration stands, comparing the history with this binary's migrations:
 * Flyway's states, grouped by what intel-migrate decides on them. Reports show the
 * {@link #label()}, Flyway's state name in lower case.
 */
public enum MigrationState {
    PENDING(Origin.BUNDLED, false),
    ABOVE_TARGET(Origin.BUNDLED, false),
    BELOW_BASELINE(Origin.BUNDLED, false),
    BASELINE_IGNORED(Origin.BUNDLED, false),
    IGNORED(Origin.BUNDLED, false),
    AVAILABLE(Origin.BUNDLED, false),
    BASELINE(Origin.BUNDLED, true),
    SUCCESS(Origin.BUNDLED, true),
    OUT_OF_ORDER(Origin.BUNDLED, true),
    UNDONE(Origin.BUNDLED, false),
    OUTDATED(Origin.BUNDLED, false),
    SUPERSEDED(Origin.BUNDLED, false),
    DELETED(Origin.BUNDLED, false),
    FAILED(Origin.BUNDLED, false),
    /** Applied by a newer binary: this one does not have it. */
    FUTURE_SUCCESS(Origin.FUTURE, true),
    FUTURE_FAILED(Origin.FUTURE, false),
    /** Applied, but no longer among this binary's migrations. */
    MISSING_SUCCESS(Origin.MISSING, false),
    MISSING_FAILED(Origin.MISSING, false);

    /** Where the migration's script is, seen from this binary. */
    private enum Origin {
        /** This binary has it. */
        BUNDLED,
        /** Newer than this binary's newest. */
        FUTURE,
        /** Older than its newest, yet absent from it. */
        MISSING
    }

    private final Origin origin;
    private final boolean countsAsCurrent;

    MigrationState(Origin origin, boolean countsAsCurrent) {
        this.origin = origin;
        this.countsAsCurrent = countsAsCurrent;
    }

    /** Flyway's state of the same name. */
    public static MigrationState of(org.flywaydb.core.api.MigrationState flyway) {
        return valueOf(flyway.name());
    }

    /** As reports show it: "success", "pending", "future_success", … */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** This binary has the migration's script (neither future nor missing). */
    public boolean bundled() {
        return origin == Origin.BUNDLED;
    }

    /** Applied by a newer binary than this one. */
    public boolean future() {
        return origin == Origin.FUTURE;
    }

    public boolean failed() {
        return this == FAILED || this == FUTURE_FAILED || this == MISSING_FAILED;
    }

    /** An applied version the database stands at when it is the newest such (Flyway's schema marker is not). */
    public boolean countsAsCurrent() {
        return countsAsCurrent;
    }

    @Override
    public String toString() {
        return label();
    }
}
