package com.corpintel.migrate.alembic;

import com.corpintel.migrate.migrate.MigrationRecord;
import com.corpintel.migrate.migrate.StatusReport;
import com.corpintel.migrate.timescale.Edition;

import java.util.List;

/**
 * What {@code baseline --from-alembic} did, or with --dry-run would do.
 *
 * @param revision       the Alembic revision found in alembic_version
 * @param bridge         the bundled bridge's directory
 * @param reaches        the version recorded once the bridge ran
 * @param edition        the TimescaleDB branch of the steps
 * @param license        SHOW timescaledb.license
 * @param dryRun         nothing was changed
 * @param shapeFacts     how many facts of revision's shape the catalog matched (0 when resuming: not compared)
 * @param checks         how many data checks ran (all passed: a problem refuses)
 * @param resumedAfter   how many of the bridge's scripts an earlier, interrupted run had committed
 * @param steps          every step, in order
 * @param tables         the size of every table a remaining step locks
 * @param recorded       the history rows recorded (or to be recorded)
 * @param status         the state after (for a dry run: as it stands)
 */
public record AdoptionResult(String revision, String bridge, String reaches, Edition edition, String license,
                             boolean dryRun, int shapeFacts, int checks, long resumedAfter, List<StepOutcome> steps,
                             List<TableSize> tables, List<MigrationRecord> recorded, StatusReport status) {

    /**
     * A step of the bridge.
     *
     * @param label          e.g. {@code B02 companies}
     * @param locks          what it locks
     * @param doneBefore     an earlier run committed it
     * @param durationMillis how long it took in this run; -1 when it did not run here
     */
    public record StepOutcome(String label, List<LockEstimate> locks, boolean doneBefore, long durationMillis) {
    }

    /** A table's size as the catalog estimates it (pg_total_relation_size, reltuples; rows -1: never analyzed). */
    public record TableSize(String table, long bytes, long rows) {
    }

    /** Bytes of the tables that remaining steps rewrite (each once, however many steps rewrite it). */
    public long bytesRewritten() {
        java.util.Set<String> rewritten = new java.util.HashSet<>();
        steps.stream().filter(s -> !s.doneBefore()).flatMap(s -> s.locks().stream())
                .filter(LockEstimate::rewrites).forEach(l -> rewritten.add(l.table()));
        return tables.stream().filter(t -> rewritten.contains(t.table())).mapToLong(TableSize::bytes).sum();
    }
}
