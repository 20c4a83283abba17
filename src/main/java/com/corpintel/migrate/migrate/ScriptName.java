package com.corpintel.migrate.migrate;

import org.flywaydb.core.api.MigrationVersion;

import java.util.Locale;
import java.util.Optional;

/**
 * A forward script's file name read as Flyway 12 reads it with intel-migrate's configuration
 * ({@code ResourceNameParser}: prefix {@code V}, separator {@code __}, suffix {@code .sql} in any
 * case): {@code V1_2__add_index.sql} is version 1.2, "add index". Only names that are plainly
 * versioned SQL migrations are read; for any other name Flyway does something else (refuses it
 * under {@code validateMigrationNaming}, or reads a repeatable, baseline or callback script), so
 * the caller leaves that source to Flyway.
 */
record ScriptName(MigrationVersion version, String description) {

    private static final String SUFFIX = ".sql";
    private static final String PREFIX = "V";
    private static final String SEPARATOR = "__";

    /** Whether Flyway treats a file of this name as a SQL script ({@code sqlMigrationSuffixes}). */
    static boolean isSql(String fileName) {
        return fileName.toUpperCase(Locale.ROOT).endsWith(SUFFIX.toUpperCase(Locale.ROOT))
                && fileName.length() > SUFFIX.length();
    }

    /** The versioned migration this file name is, or empty when Flyway reads it otherwise. */
    static Optional<ScriptName> parse(String fileName) {
        if (!isSql(fileName) || !fileName.startsWith(PREFIX)) {
            return Optional.empty();
        }
        String name = fileName.substring(PREFIX.length(), fileName.length() - SUFFIX.length());
        int separator = name.indexOf(SEPARATOR);
        String version = separator < 0 ? name : name.substring(0, separator);
        String description = separator < 0 ? "" : name.substring(separator + SEPARATOR.length());
        if (version.isEmpty()) {
            return Optional.empty();
        }
        MigrationVersion parsed;
        try {
            parsed = MigrationVersion.fromVersion(version);
        } catch (RuntimeException e) {
            return Optional.empty();
        }
        // "latest", "current" and "next" are Flyway's target words, not versions a script should carry.
        if (parsed.isPredefined()) {
            return Optional.empty();
        }
        return Optional.of(new ScriptName(parsed, description.replace("_", " ")));
    }
}
