package com.corpintel.migrate.migrate;

import org.flywaydb.core.api.CoreErrorCode;
import org.flywaydb.core.api.CoreMigrationType;
import org.flywaydb.core.api.ErrorDetails;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.configuration.Configuration;
import org.flywaydb.core.api.pattern.ValidatePattern;
import org.flywaydb.core.api.resolver.ResolvedMigration;
import org.flywaydb.core.extensibility.AppliedMigration;
import org.flywaydb.core.internal.info.MigrationInfoImpl;
import org.flywaydb.core.internal.schemahistory.SchemaHistory;
import org.flywaydb.core.internal.util.AbbreviationUtils;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * Flyway's validation (12.0, {@code MigrationInfoImpl.validate()}) over the records of one
 * {@code info()} call, so that a status read resolves the scripts and reads the history once instead
 * of twice: {@code validateWithResult()} would redo both only to judge the very same records. Flyway's
 * own {@code validate()} on those records cannot be used: {@code info()} builds them with every
 * problem ignored. The rules here are Flyway's with the ignore patterns {@link FlywayFactory} sets
 * ({@code *:future}, {@code *:pending}), no cherry-pick, and the same codes and wording.
 */
final class HistoryValidation {

    private HistoryValidation() {
    }

    /** A problem Flyway's validation would report for one record. */
    record Invalid(MigrationInfo info, ErrorDetails error) {
        /** As Flyway's {@code ValidateOutput} names it: the version, or "" for a repeatable migration. */
        String version() {
            return info.getVersion() == null ? "" : info.getVersion().getVersion();
        }
    }

    /**
     * Whether the rules here are Flyway's for {@code configuration}: exactly the ignore patterns
     * {@link FlywayFactory} sets, no cherry-pick, and records of Flyway's own kind. Otherwise the
     * caller asks Flyway.
     */
    static boolean appliesTo(Configuration configuration, MigrationInfo[] all) {
        ValidatePattern[] patterns = configuration.getIgnoreMigrationPatterns();
        return configuration.getCherryPick() == null
                && patterns != null
                && Set.copyOf(Arrays.asList(patterns)).equals(
                        Set.of(ValidatePattern.fromPattern("*:future"), ValidatePattern.fromPattern("*:pending")))
                && Arrays.stream(all).allMatch(MigrationInfoImpl.class::isInstance);
    }

    static List<Invalid> of(MigrationInfo[] all) {
        MigrationVersion appliedBaseline = appliedBaseline(all);
        List<Invalid> invalid = new ArrayList<>();
        for (MigrationInfo info : all) {
            ErrorDetails error = validate((MigrationInfoImpl) info, appliedBaseline);
            if (error != null) {
                invalid.add(new Invalid(info, error));
            }
        }
        return invalid;
    }

    /** The newest baseline the history records (Flyway's {@code context.appliedBaseline}). */
    private static MigrationVersion appliedBaseline(MigrationInfo[] all) {
        MigrationVersion baseline = null;
        for (MigrationInfo info : all) {
            AppliedMigration applied = ((MigrationInfoImpl) info).getAppliedMigration();
            if (applied != null && applied.getVersion() != null && applied.getType().isBaseline()
                    && (baseline == null || applied.getVersion().isNewerThan(baseline.getVersion()))) {
                baseline = applied.getVersion();
            }
        }
        return baseline;
    }

    /** {@code MigrationInfoImpl.validate()} with pending and future ignored; the branches that cannot apply are left out. */
    private static ErrorDetails validate(MigrationInfoImpl info, MigrationVersion appliedBaseline) {
        MigrationState state = info.getState();
        if (state == MigrationState.UNDONE || state == MigrationState.ABOVE_TARGET || state == MigrationState.DELETED) {
            return null;
        }
        // The patterns *:future and *:pending match by display name: "Future" and "Pending" only.
        if ("future".equalsIgnoreCase(state.getDisplayName()) || "pending".equalsIgnoreCase(state.getDisplayName())) {
            return null;
        }
        if (state.isFailed() && state != MigrationState.FUTURE_FAILED) {
            if (info.getVersion() == null) {
                return new ErrorDetails(CoreErrorCode.FAILED_REPEATABLE_MIGRATION,
                        "Detected failed repeatable migration: " + info.getDescription()
                                + ".\nPlease remove any half-completed changes then run repair to fix the schema history.");
            }
            return new ErrorDetails(CoreErrorCode.FAILED_VERSIONED_MIGRATION,
                    "Detected failed migration to version " + info.getVersion() + " (" + info.getDescription() + ")"
                            + ".\nPlease remove any half-completed changes then run repair to fix the schema history.");
        }
        ResolvedMigration resolved = info.getResolvedMigration();
        AppliedMigration applied = info.getAppliedMigration();
        if (resolved == null
                && !applied.getType().isSynthetic()
                && !applied.getType().isUndo()
                && state != MigrationState.SUPERSEDED
                && state != MigrationState.FUTURE_SUCCESS && state != MigrationState.FUTURE_FAILED) {
            if (applied.getVersion() != null) {
                return new ErrorDetails(CoreErrorCode.APPLIED_VERSIONED_MIGRATION_NOT_RESOLVED,
                        "Detected applied migration not resolved locally: " + info.getVersion()
                                + ".\nIf you removed this migration intentionally, run repair to mark the migration as deleted.");
            }
            return new ErrorDetails(CoreErrorCode.APPLIED_REPEATABLE_MIGRATION_NOT_RESOLVED,
                    "Detected applied migration not resolved locally: " + info.getDescription()
                            + ".\nIf you removed this migration intentionally, run repair to mark the migration as deleted.");
        }
        if (state == MigrationState.IGNORED && !resolved.getType().isBaseline() && !resolved.getType().isUndo()) {
            if (resolved.getExecutor() != null && !resolved.getExecutor().shouldExecute()) {
                return null;
            }
            if (info.getVersion() != null) {
                return new ErrorDetails(CoreErrorCode.RESOLVED_VERSIONED_MIGRATION_NOT_APPLIED,
                        "Detected resolved migration not applied to database: " + info.getVersion()
                                + ".\nTo ignore this migration, set -ignoreMigrationPatterns='*:ignored'."
                                + " To allow executing this migration, set -outOfOrder=true.");
            }
            return new ErrorDetails(CoreErrorCode.RESOLVED_REPEATABLE_MIGRATION_NOT_APPLIED,
                    "Detected resolved repeatable migration not applied to database: " + info.getDescription()
                            + ".\nTo ignore this migration, set -ignoreMigrationPatterns='*:ignored'.");
        }
        if (resolved != null && applied != null && info.getType() != CoreMigrationType.DELETE && !info.getType().isUndo()) {
            String identifier = applied.getVersion() == null ? applied.getScript() : "version " + applied.getVersion();
            if (info.getVersion() == null || info.getVersion().compareTo(appliedBaseline) > 0) {
                if (resolved.getType() != applied.getType()) {
                    return new ErrorDetails(CoreErrorCode.TYPE_MISMATCH,
                            mismatch("type", identifier, applied.getType(), resolved.getType()));
                }
                // Pending is ignored, so a repeatable migration's checksum counts unless it is outdated or superseded.
                if (resolved.getVersion() != null
                        || (state != MigrationState.OUTDATED && state != MigrationState.SUPERSEDED)) {
                    if (!info.isChecksumMatching()) {
                        return new ErrorDetails(CoreErrorCode.CHECKSUM_MISMATCH,
                                mismatch("checksum", identifier, applied.getChecksum(), resolved.getChecksum()));
                    }
                }
                if (descriptionMismatch(resolved, applied)) {
                    return new ErrorDetails(CoreErrorCode.DESCRIPTION_MISMATCH,
                            mismatch("description", identifier, applied.getDescription(), resolved.getDescription()));
                }
            }
        }
        return null;
    }

    private static boolean descriptionMismatch(ResolvedMigration resolved, AppliedMigration applied) {
        // Some databases cannot store an empty description in the history table.
        if (SchemaHistory.NO_DESCRIPTION_MARKER.equals(applied.getDescription())) {
            return !"".equals(resolved.getDescription());
        }
        return !AbbreviationUtils.abbreviateDescription(resolved.getDescription()).equals(applied.getDescription());
    }

    private static String mismatch(String what, String identifier, Object applied, Object resolved) {
        return String.format("Migration " + what + " mismatch for migration %s\n"
                        + "-> Applied to database : %s\n"
                        + "-> Resolved locally    : %s\n"
                        + "Either revert the changes to the migration, or run repair to update the schema history.",
                identifier, applied, resolved);
    }
}
