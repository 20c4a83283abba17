package com.corpintel.migrate.migrate;

import org.flywaydb.core.api.CoreMigrationType;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationState;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.extensibility.MigrationType;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Flyway 12's merge of the resolved migrations with the history into states and order
 * ({@code MigrationInfoServiceImpl.refresh()}, {@code BaseAppliedMigration.getState},
 * {@code ResolvedMigration.getState}, {@code MigrationInfoImpl.compareTo}), for the configuration
 * intel-migrate reads with: no target, {@code outOfOrder} false, no cherry-pick. It covers what
 * intel-migrate and Flyway's OSS commands write: versioned SQL and Java migrations, baseline rows,
 * repair's delete markers and the schema-creation row. Anything else (repeatable migrations, undo
 * or unknown row types, a stored version that does not parse, two resolved migrations of one
 * version, a Java migration of another type than JDBC, two delete markers of one version, which
 * Flyway refuses) is not guessed at: the result is empty and Flyway's own {@code info()} reads
 * that history.
 */
final class MigrationStates {

    private static final Set<String> COVERED_TYPES =
            Set.of("SQL", "JDBC", "SPRING_JDBC", "BASELINE", "DELETE", "SCHEMA");

    /** A Java migration may say it is a baseline migration, which Flyway treats apart. */
    private static final Set<String> COVERED_RESOLVED_TYPES = Set.of("SQL", "JDBC");

    /** A versioned history row, with what later rows and the order say about it (AppliedMigrationAttributes). */
    private static final class Applied {
        final HistoryRow row;
        final MigrationVersion version;
        final MigrationType type;
        boolean deleted;
        boolean outOfOrder;

        Applied(HistoryRow row, MigrationVersion version, MigrationType type) {
            this.row = row;
            this.version = version;
            this.type = type;
        }
    }

    private MigrationStates() {
    }

    /** Every migration, resolved or applied, in Flyway's order; empty when Flyway must read this history. */
    static Optional<List<MigrationEntry>> of(List<LocalMigration> resolved, List<HistoryRow> rows) {
        try {
            return merge(resolved, rows);
        } catch (FlywayException e) {
            // A stored version that is no version: Flyway's info() fails on it, and says so itself.
            return Optional.empty();
        }
    }

    private static Optional<List<MigrationEntry>> merge(List<LocalMigration> resolved, List<HistoryRow> rows) {
        TreeMap<MigrationVersion, LocalMigration> byVersion = new TreeMap<>();
        for (LocalMigration migration : resolved) {
            if (!COVERED_RESOLVED_TYPES.contains(migration.type().name())) {
                return Optional.empty();
            }
            if (byVersion.put(migration.version(), migration) != null) {
                return Optional.empty();
            }
        }
        MigrationVersion lastResolved = byVersion.isEmpty() ? MigrationVersion.EMPTY : byVersion.lastKey();

        List<MigrationEntry> entries = new ArrayList<>();
        List<Applied> versioned = new ArrayList<>();
        MigrationVersion appliedBaseline = null;
        boolean schemaRow = false;
        for (HistoryRow row : rows) {
            if (!COVERED_TYPES.contains(row.type())) {
                return Optional.empty();
            }
            MigrationType type = CoreMigrationType.fromString(row.type());
            if (row.version() == null) {
                // Only Flyway's schema-creation row, once: it is always "Success".
                if (type != CoreMigrationType.SCHEMA || schemaRow) {
                    return Optional.empty();
                }
                schemaRow = true;
                entries.add(new MigrationEntry(null, row, null, type, MigrationState.SUCCESS));
                continue;
            }
            MigrationVersion version = MigrationVersion.fromVersion(row.version());
            if (type.isBaseline() && (appliedBaseline == null || version.isNewerThan(appliedBaseline.getVersion()))) {
                appliedBaseline = version;
            }
            if (type == CoreMigrationType.DELETE && row.success()) {
                if (!markDeleted(version, versioned)) {
                    return Optional.empty();
                }
                continue;
            }
            versioned.add(new Applied(row, version, type));
        }

        MigrationVersion lastApplied = MigrationVersion.EMPTY;
        for (Applied applied : versioned) {
            if (applied.version.compareTo(lastApplied) > 0) {
                if (applied.type != CoreMigrationType.DELETE && !applied.deleted) {
                    lastApplied = applied.version;
                }
            } else {
                applied.outOfOrder = true;
            }
        }

        Set<LocalMigration> pending = new HashSet<>(byVersion.values());
        for (Applied applied : versioned) {
            LocalMigration match = resolvedFor(byVersion, applied);
            MigrationState state = applied.deleted ? MigrationState.DELETED
                    : appliedState(applied, match, lastResolved);
            entries.add(new MigrationEntry(match, applied.row, applied.version, applied.type, state));
            if (match != null && !applied.deleted && applied.type != CoreMigrationType.DELETE) {
                pending.remove(match);
            }
        }
        // Flyway compares with the newest baseline row once anything is applied (no resolved baseline exists here).
        MigrationVersion baseline = lastApplied == MigrationVersion.EMPTY ? null : appliedBaseline;
        for (LocalMigration migration : pending) {
            entries.add(new MigrationEntry(migration, null, null, null,
                    resolvedState(migration.version(), baseline, lastApplied)));
        }
        entries.sort(MigrationStates::flywayOrder);
        return Optional.of(entries);
    }

    /** The resolved migration of an applied row: Flyway pairs them by version and type. */
    private static LocalMigration resolvedFor(TreeMap<MigrationVersion, LocalMigration> byVersion, Applied applied) {
        LocalMigration candidate = byVersion.get(applied.version);
        return candidate != null && candidate.type().name().equals(applied.type.name()) ? candidate : null;
    }

    /** Flyway's markAsDeleted: the newest non-synthetic row of the version; false where Flyway refuses the history. */
    private static boolean markDeleted(MigrationVersion version, List<Applied> versioned) {
        for (int i = versioned.size() - 1; i >= 0; i--) {
            Applied applied = versioned.get(i);
            if (!applied.type.isSynthetic() && version.equals(applied.version)) {
                if (applied.deleted) {
                    return false;
                }
                applied.deleted = true;
                return true;
            }
        }
        return true;
    }

    /** BaseAppliedMigration.getState for a versioned row. */
    private static MigrationState appliedState(Applied applied, LocalMigration resolved,
                                               MigrationVersion lastResolved) {
        if (applied.type == CoreMigrationType.DELETE) {
            return MigrationState.SUCCESS;
        }
        if (applied.type.isBaseline()) {
            return MigrationState.BASELINE;
        }
        if (resolved == null) {
            if (applied.type == CoreMigrationType.SCHEMA) {
                return MigrationState.SUCCESS;
            }
            if (applied.version.compareTo(lastResolved) < 0) {
                return applied.row.success() ? MigrationState.MISSING_SUCCESS : MigrationState.MISSING_FAILED;
            }
            return applied.row.success() ? MigrationState.FUTURE_SUCCESS : MigrationState.FUTURE_FAILED;
        }
        if (!applied.row.success()) {
            return MigrationState.FAILED;
        }
        if (applied.type == CoreMigrationType.SCHEMA) {
            return MigrationState.SUCCESS;
        }
        return applied.outOfOrder ? MigrationState.OUT_OF_ORDER : MigrationState.SUCCESS;
    }

    /** ResolvedMigration.getState for a resolved migration no row applied (no target, outOfOrder false). */
    private static MigrationState resolvedState(MigrationVersion version, MigrationVersion baseline,
                                                MigrationVersion lastApplied) {
        int toBaseline = version.compareTo(baseline);
        if (toBaseline < 0) {
            return MigrationState.BELOW_BASELINE;
        }
        if (toBaseline == 0) {
            return MigrationState.BASELINE_IGNORED;
        }
        if (version.compareTo(lastApplied) < 0) {
            return MigrationState.IGNORED;
        }
        return MigrationState.PENDING;
    }

    /**
     * MigrationInfoImpl.compareTo: applied rows by rank; a resolved migration below the baseline
     * before them, every other one after them; those by version (all versioned here, none a baseline).
     */
    private static int flywayOrder(MigrationEntry a, MigrationEntry b) {
        Integer rankA = a.installedRank();
        Integer rankB = b.installedRank();
        if (rankA != null && rankB != null) {
            return rankA.compareTo(rankB);
        }
        if (belowBaseline(a.state()) && b.state().isApplied()) {
            return -1;
        }
        if (a.state().isApplied() && belowBaseline(b.state())) {
            return 1;
        }
        if (rankA != null) {
            return -1;
        }
        if (rankB != null) {
            return 1;
        }
        return Comparator.<MigrationVersion>naturalOrder().compare(a.version(), b.version());
    }

    private static boolean belowBaseline(MigrationState state) {
        return state == MigrationState.BELOW_BASELINE || state == MigrationState.BASELINE_IGNORED;
    }
}
