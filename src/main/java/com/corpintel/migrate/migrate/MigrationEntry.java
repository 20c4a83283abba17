package com.corpintel.migrate.migrate;

import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.extensibility.MigrationType;

/**
 * One migration as Flyway 12's {@code MigrationInfoImpl} holds it: what this binary resolves, what
 * the history recorded, or both, and the state Flyway gives the pair ({@link MigrationStates}).
 * What the history recorded wins over what is resolved, as in Flyway.
 *
 * @param resolved       null when the history records a migration this source does not have
 * @param applied        null when not applied
 * @param appliedVersion the applied row's version, parsed; null with {@code applied}
 * @param appliedType    the applied row's type, parsed; null with {@code applied}
 * @param state          Flyway's own state, so that its rules read as Flyway's
 */
record MigrationEntry(LocalMigration resolved, HistoryRow applied, MigrationVersion appliedVersion,
                      MigrationType appliedType, org.flywaydb.core.api.MigrationState state) {

    MigrationVersion version() {
        return applied != null ? appliedVersion : resolved.version();
    }

    String description() {
        return applied != null ? applied.description() : resolved.description();
    }

    MigrationType type() {
        return applied != null ? appliedType : resolved.type();
    }

    Integer installedRank() {
        return applied == null ? null : applied.installedRank();
    }

    /** As reports show it, the same fields as a record of Flyway's {@code info()}. */
    MigrationRecord record() {
        MigrationVersion version = version();
        boolean installed = applied != null && applied.installedOn() != null;
        return new MigrationRecord(
                version == null ? null : version.getVersion(),
                description(),
                type().name(),
                MigrationState.of(state),
                applied != null ? applied.script() : resolved.script(),
                installed ? applied.installedOn() : null,
                applied == null ? null : applied.installedBy(),
                installed ? applied.executionTime() : null,
                applied != null ? applied.checksum() : resolved.checksum(),
                installedRank());
    }
}
