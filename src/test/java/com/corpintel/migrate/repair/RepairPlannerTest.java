package com.corpintel.migrate.repair;

import com.corpintel.migrate.migrate.ScriptChecksum;
import com.corpintel.migrate.repair.RepairPlanner.Presence;
import com.corpintel.migrate.repair.RepairPlanner.Probed;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RepairPlannerTest {

    private static Probed probed(String sql, Presence presence) {
        return new Probed(StatementEffect.of(sql), presence);
    }

    private static RepairItem forward(Probed... probed) {
        return RepairPlanner.failedForward("2", "half", "V2__half.sql", false, List.of(probed), "public");
    }

    @Test
    void everyEffectInPlaceCompletesTheRecord() {
        RepairItem item = forward(probed("CREATE INDEX CONCURRENTLY idx_a ON t (a)", Presence.DONE),
                probed("CREATE INDEX CONCURRENTLY idx_b ON t (b)", Presence.DONE));
        assertThat(item.action()).isEqualTo(RepairItem.Action.COMPLETE_FORWARD);
        assertThat(item.findings()).containsExactly("creates index idx_a on t: in place",
                "creates index idx_b on t: in place");
    }

    @Test
    void nothingInPlaceOrOnlyWhatARerunSkipsRemovesTheFailedRow() {
        assertThat(forward(probed("CREATE INDEX CONCURRENTLY idx_a ON t (a)", Presence.NOT_DONE)).action())
                .isEqualTo(RepairItem.Action.REMOVE_FAILED_ROW);
        RepairItem item = forward(probed("CREATE INDEX CONCURRENTLY IF NOT EXISTS idx_a ON t (a)", Presence.DONE),
                probed("CREATE INDEX CONCURRENTLY idx_b ON t (b)", Presence.NOT_DONE));
        assertThat(item.action()).isEqualTo(RepairItem.Action.REMOVE_FAILED_ROW);
        assertThat(item.reason()).contains("index idx_a on t", "IF NOT EXISTS");
        assertThat(RepairPlanner.failedForward("2", "x", "V2__x.sql", true, List.of(), "public").action())
                .isEqualTo(RepairItem.Action.REMOVE_FAILED_ROW);
    }

    @Test
    void halfwayIsRefusedWithTheSqlToFinishOrToTakeBack() {
        RepairItem item = forward(probed("CREATE INDEX CONCURRENTLY idx_a ON t (a)", Presence.DONE),
                probed("CREATE INDEX CONCURRENTLY idx_b ON t (b)", Presence.NOT_DONE));
        assertThat(item.action()).isEqualTo(RepairItem.Action.REFUSED);
        assertThat(item.reason()).contains("stopped half-way");
        assertThat(item.sql()).isEqualTo("""
                -- Either finish V2__half.sql by hand, then record it as applied:
                CREATE INDEX CONCURRENTLY idx_b ON t (b);
                UPDATE "public".flyway_schema_history SET success = true WHERE version = '2' AND NOT success;
                -- or take back what it left, so that the next upgrade runs it again:
                DROP INDEX CONCURRENTLY IF EXISTS "public"."idx_a";
                DELETE FROM "public".flyway_schema_history WHERE version = '2' AND NOT success;
                -- Each statement on its own (CONCURRENTLY cannot run in a transaction block); then run `intel-migrate repair` again to check.""");
    }

    @Test
    void anInvalidIndexOrAStatementTheCatalogCannotShowIsRefused() {
        RepairItem invalid = forward(probed("CREATE INDEX CONCURRENTLY IF NOT EXISTS idx_a ON t (a)",
                Presence.INVALID_INDEX));
        assertThat(invalid.action()).isEqualTo(RepairItem.Action.REFUSED);
        assertThat(invalid.sql()).contains("DROP INDEX CONCURRENTLY IF EXISTS \"public\".\"idx_a\";");
        RepairItem unknown = forward(probed("UPDATE t SET a = 1", Presence.UNKNOWN),
                probed("CREATE INDEX CONCURRENTLY idx_b ON t (b)", Presence.DONE));
        assertThat(unknown.action()).isEqualTo(RepairItem.Action.REFUSED);
        assertThat(unknown.reason()).contains("cannot tell whether 1 of its statements ran");
        assertThat(unknown.sql()).contains("UPDATE t SET a = 1; -- only if it did not run")
                .doesNotContain("take back");
    }

    @Test
    void aFailedUndoIsCompletedWhenItsEffectsAreInPlaceAndLeftAloneWhenNoneAre() {
        List<Probed> done = List.of(probed("DROP INDEX CONCURRENTLY idx_a", Presence.DONE));
        assertThat(RepairPlanner.failedUndo("2", "half", "U2__half.sql", done, "public").orElseThrow().action())
                .isEqualTo(RepairItem.Action.COMPLETE_UNDO);
        assertThat(RepairPlanner.failedUndo("2", "half", "U2__half.sql",
                List.of(probed("DROP INDEX CONCURRENTLY idx_a", Presence.NOT_DONE)), "public")).isEmpty();
        RepairItem half = RepairPlanner.failedUndo("2", "half", "U2__half.sql", List.of(
                probed("DROP INDEX CONCURRENTLY idx_a", Presence.DONE),
                probed("DROP INDEX CONCURRENTLY idx_b", Presence.NOT_DONE)), "public").orElseThrow();
        assertThat(half.action()).isEqualTo(RepairItem.Action.REFUSED);
        assertThat(half.sql()).contains("DROP INDEX CONCURRENTLY idx_b;",
                "DELETE FROM \"public\".flyway_schema_history WHERE version = '2' AND success;");
    }

    @Test
    void aChecksumIsRealignedOnlyForLayoutChangesOfAnSqlScript() {
        String applied = "CREATE TABLE t (x int);\n";
        int recorded = ScriptChecksum.of(applied);
        RepairItem layout = RepairPlanner.checksumMismatch("1", "t", "SQL", "V1__t.sql", "-- t\n" + applied,
                recorded, "public");
        assertThat(layout.action()).isEqualTo(RepairItem.Action.REALIGN_CHECKSUM);
        assertThat(layout.newChecksum()).isEqualTo(ScriptChecksum.of("-- t\n" + applied));
        assertThat(layout.reason()).contains("only in comment lines");
        RepairItem changed = RepairPlanner.checksumMismatch("1", "t", "SQL", "V1__t.sql", "CREATE TABLE t (x bigint);\n",
                recorded, "public");
        assertThat(changed.action()).isEqualTo(RepairItem.Action.REFUSED);
        assertThat(changed.reason()).contains("changed beyond white space");
        assertThat(RepairPlanner.checksumMismatch("2", "f", "JDBC", "x", null, 5, "public").action())
                .isEqualTo(RepairItem.Action.REFUSED);
    }
}
