package com.corpintel.migrate.it;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.output.ValidateResult;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * upgrade runs the steps itself and writes Flyway's history format: Flyway itself, given the same
 * scripts, validates the result clean and sees nothing pending; a history Flyway began is carried
 * on; each step has one history row and one operations-log row, in order; a failing step leaves
 * the steps before it applied and recorded.
 */
class UpgradeRunnerIT {

    private static final int STEPS = 40;

    /** V1..V{count}, each creating table t{n}. */
    private static MigrationDirectory tables(int count) {
        MigrationDirectory set = MigrationDirectory.create();
        for (int n = 1; n <= count; n++) {
            set.forward("V" + n + "__table_" + n + ".sql", "-- step " + n + "\nCREATE TABLE t" + n + " (id int);\n");
        }
        return set;
    }

    /** Flyway configured as a Flyway user would for the same scripts and database. */
    private static Flyway flyway(TestDatabase db, MigrationDirectory set, String schema, String target) {
        var configuration = Flyway.configure()
                .dataSource("jdbc:postgresql://" + TestServer.host() + ":" + TestServer.port() + "/" + db.name(),
                        TestServer.user(), TestServer.password())
                .locations("filesystem:" + Path.of(set.path()).resolve("migration"))
                .schemas(schema)
                .defaultSchema(schema)
                .placeholderReplacement(false)
                .cleanDisabled(true);
        if (target != null) {
            configuration.target(target);
        }
        return configuration.load();
    }

    private static void assertFlywayReadsItAsItsOwn(TestDatabase db, MigrationDirectory set, String schema) {
        Flyway flyway = flyway(db, set, schema, null);
        ValidateResult validation = flyway.validateWithResult();
        assertThat(validation.validationSuccessful).as(validation.getAllErrorMessages()).isTrue();
        assertThat(validation.invalidMigrations).isEmpty();
        assertThat(flyway.info().pending()).as("Flyway sees nothing left to apply").isEmpty();
        MigrationInfo current = flyway.info().current();
        assertThat(current.getVersion().getVersion()).isEqualTo(String.valueOf(STEPS));
        for (MigrationInfo info : flyway.info().applied()) {
            if (info.getVersion() != null) {
                assertThat(info.getState().isApplied()).isTrue();
                assertThat(info.getState().isFailed()).isFalse();
            }
        }
    }

    private static String history(TestDatabase db) {
        return String.join("\n", db.rows("SELECT installed_rank || ' ' || coalesce(version, '-') || ' ' || type"
                + " || ' ' || script || ' ' || success FROM flyway_schema_history ORDER BY installed_rank"));
    }

    private static List<String> expectedRows(int from, int to, int firstRank) {
        List<String> rows = new ArrayList<>();
        for (int n = from; n <= to; n++) {
            rows.add((firstRank + n - from) + " " + n + " SQL V" + n + "__table_" + n + ".sql true");
        }
        return rows;
    }

    @Test
    void aSetAppliedByUpgradeHasOneRowPerStepInOrderAndFlywayValidatesItClean() {
        MigrationDirectory set = tables(STEPS);
        try (TestDatabase db = TestServer.createDatabase()) {
            Cli.Result result = Cli.run(db.env(), "upgrade", "--migrations", set.path());

            assertThat(result.exitCode()).as(result.toString()).isZero();
            assertThat(result.stdout()).contains("Applied " + STEPS + " migrations (from an empty history)",
                    "Current version:        V" + STEPS + " table " + STEPS, "State:                  up to date");
            assertThat(history(db)).isEqualTo(String.join("\n", expectedRows(1, STEPS, 1)));
            assertThat(db.rows("SELECT version || ' ' || direction || ' ' || outcome FROM intel_migrate_operations"
                    + " ORDER BY id")).containsExactlyElementsOf(
                    IntStream.rangeClosed(1, STEPS).mapToObj(n -> n + " upgrade success").toList());
            assertFlywayReadsItAsItsOwn(db, set, "public");

            Cli.Result status = Cli.run(db.env(), "status", "--migrations", set.path(), "-o", "json");
            assertThat(status.exitCode()).as(status.toString()).isZero();
            assertThat(status.stdout()).contains("\"applied\": " + STEPS);
        }
    }

    @Test
    void theChecksumsAreFlywaysOwn() {
        MigrationDirectory set = tables(3);
        try (TestDatabase db = TestServer.createDatabase()) {
            assertThat(Cli.run(db.env(), "upgrade", "--migrations", set.path()).exitCode()).isZero();
            List<String> ours = db.rows("SELECT version || ' ' || checksum || ' ' || description"
                    + " FROM flyway_schema_history ORDER BY installed_rank");

            try (TestDatabase other = TestServer.createDatabase()) {
                flyway(other, set, "public", null).migrate();
                assertThat(other.rows("SELECT version || ' ' || checksum || ' ' || description"
                        + " FROM flyway_schema_history ORDER BY installed_rank")).isEqualTo(ours);
            }
        }
    }

    /**
     * A byte-order mark and CRLF line ends (an editor on Windows), and a description longer
     * than the history's 200 characters: applied as Flyway applies them, the same history rows,
     * and the operations log names each step as the history does.
     */
    @Test
    void aScriptWithAByteOrderMarkAndALongDescriptionAppliesAsFlywayAppliesIt() {
        String longName = "add_" + "the_long_table_".repeat(15) + "at_last";
        MigrationDirectory set = MigrationDirectory.create()
                .forward("V1__byte_order_mark.sql", "\uFEFF-- saved with a BOM\r\nCREATE TABLE bom (id int);\r\n")
                .forward("V2__" + longName + ".sql", "CREATE TABLE long_one (id int);\n");
        String rows = "SELECT version || ' ' || checksum || ' ' || description || ' ' || script"
                + " FROM flyway_schema_history ORDER BY installed_rank";
        try (TestDatabase db = TestServer.createDatabase()) {
            Cli.Result result = Cli.run(db.env(), "upgrade", "--migrations", set.path());

            assertThat(result.exitCode()).as(result.toString()).isZero();
            try (TestDatabase other = TestServer.createDatabase()) {
                flyway(other, set, "public", null).migrate();
                assertThat(db.rows(rows)).isEqualTo(other.rows(rows));
            }
            assertThat(db.value("SELECT length(description) FROM flyway_schema_history WHERE version = '2'"))
                    .isEqualTo("200");
            assertThat(db.rows("SELECT o.version FROM intel_migrate_operations o JOIN flyway_schema_history h"
                    + " ON h.version = o.version AND h.description = o.description ORDER BY o.id"))
                    .as("each log entry names its step as the history does").containsExactly("1", "2");
            Cli.Result status = Cli.run(db.env(), "status", "--migrations", set.path());
            assertThat(status.exitCode()).as(status.toString()).isZero();
            assertThat(status.stdout()).contains("State:                  up to date");
        }
    }

    @Test
    void aHistoryFlywayBeganIsCarriedOnWithTheNextRanks() {
        MigrationDirectory set = tables(STEPS);
        try (TestDatabase db = TestServer.createDatabase()) {
            flyway(db, set, "public", "10").migrate();

            Cli.Result result = Cli.run(db.env(), "upgrade", "--migrations", set.path());

            assertThat(result.exitCode()).as(result.toString()).isZero();
            assertThat(result.stdout()).contains("Applied " + (STEPS - 10) + " migrations (from V10)");
            assertThat(history(db)).isEqualTo(String.join("\n", expectedRows(1, STEPS, 1)));
            assertFlywayReadsItAsItsOwn(db, set, "public");
        }
    }

    @Test
    void aSchemaUpgradeCreatesGetsFlywaysSchemaCreationRow() {
        MigrationDirectory set = tables(STEPS);
        try (TestDatabase db = TestServer.createDatabase()) {
            Cli.Result result = Cli.run(db.env(), "upgrade", "--migrations", set.path(), "--schema", "app");

            assertThat(result.exitCode()).as(result.toString()).isZero();
            assertThat(db.value("SELECT installed_rank || ' ' || type || ' ' || script || ' ' || description"
                    + " FROM app.flyway_schema_history WHERE version IS NULL"))
                    .isEqualTo("0 SCHEMA \"app\" << Flyway Schema Creation >>");
            assertThat(db.value("SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
                    + " WHERE n.nspname = 'app' AND c.relname LIKE 't%'")).isEqualTo(String.valueOf(STEPS));
            assertFlywayReadsItAsItsOwn(db, set, "app");
        }
    }

    @Test
    void aStepThatFailsInTheMiddleLeavesTheStepsBeforeItAppliedAndRecorded() {
        MigrationDirectory set = tables(5).forward("V3__table_3.sql", "CREATE TABLE t3 (id int);\nCRATE TABLE x;\n");
        try (TestDatabase db = TestServer.createDatabase()) {
            Cli.Result result = Cli.run(db.env(), "upgrade", "--migrations", set.path());

            assertThat(result.exitCode()).as(result.toString()).isEqualTo(5);
            assertThat(result.stderr()).contains("V3 table 3 failed: ", "[SQLSTATE 42601]");
            assertThat(history(db)).isEqualTo(String.join("\n", expectedRows(1, 2, 1)));
            assertThat(db.value("SELECT to_regclass('t3') IS NULL AND to_regclass('t4') IS NULL")).isEqualTo("true");
            assertThat(db.rows("SELECT version || ' ' || outcome FROM intel_migrate_operations ORDER BY id"))
                    .containsExactly("1 success", "2 success", "3 failed");

            set.forward("V3__table_3.sql", "-- step 3\nCREATE TABLE t3 (id int);\n");
            assertThat(Cli.run(db.env(), "upgrade", "--migrations", set.path()).exitCode()).isZero();
            assertThat(history(db)).isEqualTo(String.join("\n", expectedRows(1, 5, 1)));
        }
    }

    @Test
    void statementsPostgresqlRefusesInATransactionRunOutsideOneAsFlywayRunsThem() {
        MigrationDirectory set = MigrationDirectory.create()
                .forward("V1__table.sql", "CREATE TABLE t (a int, b int);")
                // No .conf: Flyway sees only statements that cannot run in a transaction and runs it without one.
                .forward("V2__index.sql", "-- built without blocking writes\nCREATE INDEX CONCURRENTLY idx_a ON t (a);")
                .forward("V3__marked.sql", "CREATE TABLE u (x int);\nCREATE INDEX CONCURRENTLY idx_b ON t (b);")
                .nonTransactional("migration", "V3__marked.sql")
                .forward("V4__mixed.sql", "CREATE TABLE v (x int);\nCREATE INDEX CONCURRENTLY idx_v ON v (x);");
        try (TestDatabase db = TestServer.createDatabase()) {
            Cli.Result result = Cli.run(db.env(), "upgrade", "--migrations", set.path());

            assertThat(result.exitCode()).as(result.toString()).isEqualTo(5);
            assertThat(result.stderr()).contains("V4 mixed", "executeInTransaction=false");
            assertThat(db.rows("SELECT indexname FROM pg_indexes WHERE tablename = 't' ORDER BY 1"))
                    .containsExactly("idx_a", "idx_b");
            assertThat(db.value("SELECT to_regclass('v') IS NULL")).as("nothing of V4 ran").isEqualTo("true");
            assertThat(Arrays.asList(db.value("SELECT string_agg(version, ',' ORDER BY installed_rank)"
                    + " FROM flyway_schema_history").split(","))).containsExactly("1", "2", "3");
        }
    }
}
