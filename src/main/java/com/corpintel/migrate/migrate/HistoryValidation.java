package com.corpintel.migrate.migrate;

import org.flywaydb.core.api.CoreErrorCode;
import org.flywaydb.core.api.ErrorDetails;
import org.flywaydb.core.api.MigrationState;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.internal.schemahistory.SchemaHistory;
import org.flywaydb.core.internal.util.AbbreviationUtils;

import java.util.ArrayList;
import java.util.List;

/**
 * Flyway's validation (12.0, {@code MigrationInfoImpl.validate()}) over the entries of one history
 * read ({@link MigrationStates}), so that a status read resolves the scripts and reads the history
 * once, and without Flyway. The rules are Flyway's with the ignore patterns {@link FlywayFactory}
 * sets ({@code *:future}, {@code *:pending}), no cherry-pick, no target, and the same codes and
 * wording. The branches for what {@link MigrationStates} never produces are left out: repeatable
 * and undo migrations, states above a target (such histories are read and judged by Flyway), and a
 * type mismatch, which Flyway's own pairing by version and type never produces either.
 */
final class HistoryValidation {

    private HistoryValidation() {
    }

    /** A problem Flyway's validation would report for one entry. */
    record Invalid(MigrationEntry entry, ErrorDetails error) {
        /** As Flyway's {@code ValidateOutput} names it. */
        String version() {
            return entry.version().getVersion();
        }
    }

    static List<Invalid> of(List<MigrationEntry> entries) {
        MigrationVersion appliedBaseline = appliedBaseline(entries);
        List<Invalid> invalid = new ArrayList<>();
        for (MigrationEntry entry : entries) {
            ErrorDetails error = validate(entry, appliedBaseline);
            if (error != null) {
                invalid.add(new Invalid(entry, error));
            }
        }
        return invalid;
    }

    /** The newest baseline the history records (Flyway's {@code context.appliedBaseline}). */
    private static MigrationVersion appliedBaseline(List<MigrationEntry> entries) {
        MigrationVersion baseline = null;
        for (MigrationEntry entry : entries) {
            if (entry.applied() != null && entry.appliedVersion() != null && entry.appliedType().isBaseline()
                    && (baseline == null || entry.appliedVersion().isNewerThan(baseline.getVersion()))) {
                baseline = entry.appliedVersion();
            }
        }
        return baseline;
    }

    /** {@code MigrationInfoImpl.validate()} with pending and future ignored. */
    private static ErrorDetails validate(MigrationEntry entry, MigrationVersion appliedBaseline) {
        MigrationState state = entry.state();
        if (state == MigrationState.DELETED) {
            return null;
        }
        // The patterns *:future and *:pending match by display name: "Future" and "Pending" only.
        if ("future".equalsIgnoreCase(state.getDisplayName()) || "pending".equalsIgnoreCase(state.getDisplayName())) {
            return null;
        }
        if (state.isFailed() && state != MigrationState.FUTURE_FAILED) {
            return new ErrorDetails(CoreErrorCode.FAILED_VERSIONED_MIGRATION,
                    "Detected failed migration to version " + entry.version() + " (" + entry.description() + ")"
                            + ".\nPlease remove any half-completed changes then run repair to fix the schema history.");
        }
        LocalMigration resolved = entry.resolved();
        HistoryRow applied = entry.applied();
        if (resolved == null
                && !entry.appliedType().isSynthetic()
                && state != MigrationState.FUTURE_SUCCESS && state != MigrationState.FUTURE_FAILED) {
            return new ErrorDetails(CoreErrorCode.APPLIED_VERSIONED_MIGRATION_NOT_RESOLVED,
                    "Detected applied migration not resolved locally: " + entry.version()
                            + ".\nIf you removed this migration intentionally, run repair to mark the migration as deleted.");
        }
        if (state == MigrationState.IGNORED) {
            return new ErrorDetails(CoreErrorCode.RESOLVED_VERSIONED_MIGRATION_NOT_APPLIED,
                    "Detected resolved migration not applied to database: " + entry.version()
                            + ".\nTo ignore this migration, set -ignoreMigrationPatterns='*:ignored'."
                            + " To allow executing this migration, set -outOfOrder=true.");
        }
        // Flyway pairs a row with a resolved migration of the same type, so the types always match here.
        if (resolved != null && applied != null && entry.version().compareTo(appliedBaseline) > 0) {
            String identifier = "version " + entry.appliedVersion();
            if (resolved.checksum() != null && applied.checksum() != null
                    && !resolved.checksum().equals(applied.checksum())) {
                return new ErrorDetails(CoreErrorCode.CHECKSUM_MISMATCH,
                        mismatch("checksum", identifier, applied.checksum(), resolved.checksum()));
            }
            if (descriptionMismatch(resolved, applied)) {
                return new ErrorDetails(CoreErrorCode.DESCRIPTION_MISMATCH,
                        mismatch("description", identifier, applied.description(), resolved.description()));
            }
        }
        return null;
    }

    private static boolean descriptionMismatch(LocalMigration resolved, HistoryRow applied) {
        // Some databases cannot store an empty description in the history table.
        if (SchemaHistory.NO_DESCRIPTION_MARKER.equals(applied.description())) {
            return !"".equals(resolved.description());
        }
        return !AbbreviationUtils.abbreviateDescription(resolved.description()).equals(applied.description());
    }

    private static String mismatch(String what, String identifier, Object applied, Object resolved) {
        return String.format("Migration " + what + " mismatch for migration %s\n"
                        + "-> Applied to database : %s\n"
                        + "-> Resolved locally    : %s\n"
                        + "Either revert the changes to the migration, or run repair to update the schema history.",
                identifier, applied, resolved);
    }
}
