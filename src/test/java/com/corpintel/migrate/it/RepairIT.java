package com.corpintel.migrate.it;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * repair against real failures: a non-transactional step whose second statement failed after
 * the first built an index concurrently, and a script edited in whitespace and comments only.
 * The listing changes nothing; --apply repairs what the catalog proves, refuses the rest with
 * SQL, and logs each repair; afterwards upgrade carries on.
 */
class RepairIT {

    private static final String V1 = "CREATE TABLE t (a int, b int);\n";

    private static Cli.Result run(TestDatabase db, int exit, String... args) {
        Cli.Result result = Cli.run(db.env(), args);
        assertThat(result.exitCode()).as(String.join(" ", args) + "\n" + result).isEqualTo(exit);
        return result;
    }

    private static MigrationDirectory halfFailing(String firstIndex) {
        return MigrationDirectory.create()
                .forward("V1__base.sql", V1)
                .forward("V2__indexes.sql", firstIndex + "\nCREATE INDEX CONCURRENTLY idx_c ON t (c);\n")
                .nonTransactional("migration", "V2__indexes.sql");
    }

    private static String history(TestDatabase db) {
        return String.join("\n", db.rows("SELECT version, success, checksum FROM flyway_schema_history"
                + " ORDER BY installed_rank"));
    }

    @Test
    void aFailedStepWhoseLeftoverARerunSkipsLosesItsFailedRowAndTheFixedScriptThenApplies() {
        MigrationDirectory set = halfFailing("CREATE INDEX CONCURRENTLY IF NOT EXISTS idx_a ON t (a);");
        try (TestDatabase db = TestServer.createDatabase()) {
            Cli.Result failed = run(db, 5, "upgrade", "--migrations", set.path());
            assertThat(failed.stderr()).contains("run `intel-migrate repair`");
            Cli.Result refusedUpgrade = run(db, 6, "upgrade", "--migrations", set.path());
            assertThat(refusedUpgrade.stderr()).contains("the history records a failed migration, V2 indexes: run"
                    + " `intel-migrate repair`");

            String before = history(db);
            Cli.Result listing = run(db, 0, "repair", "--migrations", set.path());
            assertThat(listing.stdout()).contains("1 to repair; nothing was changed",
                    "V2 indexes: remove the failed row — what it left (index idx_a on t) is created with IF NOT EXISTS",
                    "creates index idx_a on t: in place", "creates index idx_c on t: not in place");
            assertThat(history(db)).as("the listing changes nothing").isEqualTo(before);

            Cli.Result applied = run(db, 0, "repair", "--apply", "--migrations", set.path());
            assertThat(applied.stdout()).contains("Repaired 1 item", "V2 indexes: remove the failed row");
            assertThat(db.rows("SELECT version FROM flyway_schema_history")).containsExactly("1");
            assertThat(db.value("SELECT direction || ' ' || outcome || ' ' || application_name || ' ' || detail"
                    + " FROM intel_migrate_operations WHERE detail LIKE 'repair:%'"))
                    .startsWith("upgrade success intel-migrate repair@").contains("repair: remove the failed row: ");

            set.forward("V2__indexes.sql", "CREATE INDEX CONCURRENTLY IF NOT EXISTS idx_a ON t (a);\n"
                    + "CREATE INDEX CONCURRENTLY idx_c ON t (b);\n");
            run(db, 0, "upgrade", "--migrations", set.path());
            assertThat(db.rows("SELECT indexname FROM pg_indexes WHERE tablename = 't' ORDER BY 1"))
                    .containsExactly("idx_a", "idx_c");
            assertThat(run(db, 0, "repair", "--migrations", set.path()).stdout()).contains("Nothing to repair");
            assertThat(run(db, 0, "repair", "--migrations", set.path(), "-o", "json").stdout())
                    .contains("\"command\": \"repair\"", "\"items\": []", "\"applied\": false");
        }
    }

    @Test
    void aStepStoppedHalfWayIsRefusedWithTheSqlAndCompletedOnceTheOperatorFinishedIt() {
        MigrationDirectory set = halfFailing("CREATE INDEX CONCURRENTLY idx_a ON t (a);");
        try (TestDatabase db = TestServer.createDatabase()) {
            run(db, 5, "upgrade", "--migrations", set.path());
            String before = history(db);
            Cli.Result refused = run(db, 9, "repair", "--apply", "--migrations", set.path());
            assertThat(refused.stdout()).contains("Nothing was repaired: 1 of 1 refused",
                    "V2 indexes: refused — it stopped half-way",
                    "CREATE INDEX CONCURRENTLY idx_c ON t (c);",
                    "UPDATE \"public\".flyway_schema_history SET success = true WHERE version = '2' AND NOT success;",
                    "DROP INDEX CONCURRENTLY IF EXISTS \"public\".\"idx_a\";",
                    "DELETE FROM \"public\".flyway_schema_history WHERE version = '2' AND NOT success;");
            assertThat(history(db)).isEqualTo(before);

            // The operator finishes the step by hand (the column it meant was b).
            db.execute("CREATE INDEX CONCURRENTLY idx_c ON t (b)");
            Cli.Result completed = run(db, 0, "repair", "--apply", "--migrations", set.path());
            assertThat(completed.stdout()).contains("V2 indexes: complete the record — every object its 2 statements"
                    + " create or drop is in place");
            assertThat(db.rows("SELECT version || ' ' || success FROM flyway_schema_history ORDER BY installed_rank"))
                    .containsExactly("1 true", "2 true");
            assertThat(run(db, 0, "status", "--check", "--migrations", set.path()).stdout())
                    .contains("State:                  up to date");
        }
    }

    @Test
    void aScriptEditedOnlyInWhitespaceAndCommentsIsRealignedAndARealChangeIsRefused() {
        MigrationDirectory set = MigrationDirectory.create().forward("V1__base.sql", V1);
        try (TestDatabase db = TestServer.createDatabase()) {
            run(db, 0, "upgrade", "--migrations", set.path());
            set.forward("V1__base.sql", "-- The base table.\n\nCREATE TABLE t (a int, b int);   \n\n");
            run(db, 6, "status", "--check", "--migrations", set.path());

            Cli.Result listing = run(db, 0, "repair", "--migrations", set.path());
            assertThat(listing.stdout()).contains("V1 base: realign the checksum — ",
                    "differs from the applied one only in trailing white space, comment lines");
            Cli.Result applied = run(db, 0, "repair", "--apply", "--migrations", set.path());
            assertThat(applied.stdout()).contains("Repaired 1 item");
            run(db, 0, "status", "--check", "--migrations", set.path());
            assertThat(db.value("SELECT detail FROM intel_migrate_operations WHERE detail LIKE 'repair:%'"))
                    .startsWith("repair: realign the checksum: ");

            set.forward("V1__base.sql", "CREATE TABLE t (a bigint, b int);\n");
            String before = history(db);
            Cli.Result refused = run(db, 9, "repair", "--apply", "--migrations", set.path());
            assertThat(refused.stdout()).contains("V1 base: refused — ", "changed beyond white space",
                    "put the change in a new migration");
            assertThat(history(db)).isEqualTo(before);
        }
    }

    @Test
    void aFailedUndoIsRefusedWhileHalfDoneAndItsRecordCompletedOnceTheOperatorFinishedIt() {
        MigrationDirectory set = MigrationDirectory.create()
                .forward("V1__base.sql", V1)
                .forward("V2__indexes.sql", "CREATE INDEX CONCURRENTLY idx_a ON t (a);\n"
                        + "CREATE UNIQUE INDEX CONCURRENTLY idx_b ON t (b);\n")
                .nonTransactional("migration", "V2__indexes.sql")
                .undo("U2__indexes.sql", "DROP INDEX CONCURRENTLY idx_a;\nDROP INDEX CONCURRENTLY idx_b;\n")
                .nonTransactional("undo", "U2__indexes.sql");
        try (TestDatabase db = TestServer.createDatabase()) {
            run(db, 0, "upgrade", "--migrations", set.path());
            // Someone made idx_b back a constraint: the undo's second statement cannot drop it.
            db.execute("ALTER TABLE t ADD CONSTRAINT idx_b UNIQUE USING INDEX idx_b");
            Cli.Result failed = run(db, 5, "downgrade", "--migrations", set.path());
            assertThat(failed.stderr()).contains("run `intel-migrate repair`");

            Cli.Result refused = run(db, 9, "repair", "--apply", "--migrations", set.path());
            assertThat(refused.stdout()).contains("V2 indexes: refused — its undo stopped half-way",
                    "drops index idx_a: in place", "drops index idx_b: not in place",
                    "DROP INDEX CONCURRENTLY idx_b;",
                    "DELETE FROM \"public\".flyway_schema_history WHERE version = '2' AND success;");
            assertThat(db.rows("SELECT version FROM flyway_schema_history ORDER BY 1")).containsExactly("1", "2");

            db.execute("ALTER TABLE t DROP CONSTRAINT idx_b");
            Cli.Result completed = run(db, 0, "repair", "--apply", "--migrations", set.path());
            assertThat(completed.stdout()).contains("V2 indexes: complete the undo's record", "Current version:        V1");
            assertThat(db.rows("SELECT version FROM flyway_schema_history")).containsExactly("1");
            assertThat(db.value("SELECT direction || ' ' || outcome FROM intel_migrate_operations"
                    + " WHERE detail LIKE 'repair:%'")).isEqualTo("downgrade success");
            run(db, 0, "upgrade", "--migrations", set.path());
        }
    }

    @Test
    void applyAndDryRunTogetherAreAUsageError() {
        Cli.Result both = Cli.run(Map.of(), "repair", "--apply", "--dry-run");
        assertThat(both.exitCode()).as(both.toString()).isEqualTo(2);
        assertThat(both.stderr()).contains("--apply and --dry-run exclude each other");
    }
}
