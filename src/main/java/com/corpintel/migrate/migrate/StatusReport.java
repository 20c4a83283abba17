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

    /**
     * The state after an upgrade applied {@code applied} (pending records of this report, now
     * as the history holds them), without reading the history again: the upgrade ran under the
     * lock, so nothing else changed it.
     */
    public StatusReport afterApplying(List<MigrationRecord> applied) {
        java.util.Map<String, MigrationRecord> byVersion = new java.util.HashMap<>();
        applied.forEach(record -> byVersion.put(record.version(), record));
        List<MigrationRecord> all = migrations.stream()
                .map(m -> m.state() == MigrationState.PENDING && byVersion.containsKey(m.version())
                        ? byVersion.get(m.version()) : m)
                .toList();
        return new StatusReport(database, schema, scripts, StatusReader.current(all), head,
                appliedCount + applied.size(),
                pending.stream().filter(m -> !byVersion.containsKey(m.version())).toList(),
                failed, problems, future, all);
    }

    public String currentVersion() {
        return current == null ? null : current.version();
    }
}
