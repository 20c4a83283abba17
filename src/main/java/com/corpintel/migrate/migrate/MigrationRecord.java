package com.corpintel.migrate.migrate;

import java.time.Instant;

/**
 * One migration as the history and the bundle see it together.
 *
 * @param state           where it stands, history and bundle compared
 * @param installedOn     null when not applied
 * @param executionMillis null when not applied
 * @param checksum        the applied checksum when applied, else the bundled one
 */
public record MigrationRecord(
        String version,
        String description,
        String type,
        MigrationState state,
        String script,
        Instant installedOn,
        String installedBy,
        Integer executionMillis,
        Integer checksum,
        Integer installedRank) {

    public boolean applied() {
        return installedOn != null;
    }

    public String label() {
        return "V" + version + " " + description;
    }
}
