package com.corpintel.migrate.migrate;

import java.util.List;

/**
 * The migration state of one schema.
 *
 * @param scripts          what the migration source holds: how many forward and undo scripts, and where
 * @param current          the newest applied version, null when nothing is applied
 * @param head             the newest bundled version
 * @param problems         checksum mismatches, migrations missing from the bundle, …
 * @param future           applied versions this binary does not know (a newer binary ran)
 * @param migrations       every migration, applied or bundled, in version order
 */
public record StatusReport(
        String database,
        String schema,
        MigrationSource.Inventory scripts,
        MigrationRecord current,
        String head,
        int appliedCount,
        List<MigrationRecord> pending,
        List<MigrationRecord> failed,
        List<Problem> problems,
        List<MigrationRecord> future,
        List<MigrationRecord> migrations) {

    /** A disagreement between the history table and the bundled scripts. */
    public record Problem(String version, String description, String kind, String message) {
    }

    public boolean upToDate() {
        return pending.isEmpty() && failed.isEmpty() && problems.isEmpty();
    }

    public String currentVersion() {
        return current == null ? null : current.version();
    }
}
