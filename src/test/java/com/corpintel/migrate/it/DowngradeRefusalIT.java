package com.corpintel.migrate.it;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/** Each refusal happens before anything changes, with its own exit code and a clear message. */
class DowngradeRefusalIT {

    private static final String HISTORY = "SELECT installed_rank, version, type, checksum, success FROM flyway_schema_history ORDER BY 1";
    private static final String OPERATIONS = "SELECT count(*) FROM intel_migrate_operations";

    /** Runs the command against a new database {@code prepared} gives, and checks that nothing changed. */
    private static Cli.Result refused(Supplier<TestDatabase> prepared, String... args) {
        try (TestDatabase db = prepared.get()) {
            List<String> schema = CatalogFingerprint.of(db);
            List<String> history = db.rows(HISTORY);
            List<String> operations = db.rows("SELECT CASE WHEN to_regclass('intel_migrate_operations') IS NULL"
                    + " THEN 'none' ELSE 'present' END");
            String logged = operations.get(0).equals("present") ? db.value(OPERATIONS) : "none";
            Cli.Result result = Cli.run(db.env(), args);
            assertThat(CatalogFingerprint.of(db)).as("schema unchanged").isEqualTo(schema);
            assertThat(db.rows(HISTORY)).as("history unchanged").isEqualTo(history);
            if (!logged.equals("none")) {
                assertThat(db.value(OPERATIONS)).as("operations log unchanged").isEqualTo(logged);
            }
            assertThat(result.stderr().lines().toList()).as(result.toString()).hasSize(1);
            return result;
        }
    }

    private static Consumer<TestDatabase> upgraded(String... args) {
        return db -> {
            Cli.Result result = Cli.run(db.env(), args.length == 0 ? new String[] {"upgrade"} : args);
            assertThat(result.exitCode()).as(result.toString()).isZero();
        };
    }

    /** A new database, then {@code setup} on it. */
    private static Supplier<TestDatabase> fresh(Consumer<TestDatabase> setup) {
        return () -> preparedWith(TestServer.createDatabase(), setup);
    }

    /** A copy of the bundled migrations applied by `upgrade ARGS` (a template made once), then {@code then} on it. */
    private static Supplier<TestDatabase> upgradedCopy(Consumer<TestDatabase> then, String... upgradeArgs) {
        return () -> preparedWith(DatabaseTemplate.upgraded(upgradeArgs).copy(), then);
    }

    /** {@code db} after {@code setup}; closed (dropped) when the setup fails. */
    private static TestDatabase preparedWith(TestDatabase db, Consumer<TestDatabase> setup) {
        try {
            setup.accept(db);
        } catch (RuntimeException | Error e) {
            db.close();
            throw e;
        }
        return db;
    }

    private static Supplier<TestDatabase> upgradedCopy(String... upgradeArgs) {
        return upgradedCopy(db -> { }, upgradeArgs);
    }

    @Test
    void aMissingUndoScriptIsRefusedWith9() {
        MigrationDirectory set = MigrationDirectory.create()
                .forward("V1__a.sql", "CREATE TABLE a (x int);")
                .forward("V2__b.sql", "CREATE TABLE b (x int);")
                .undo("U1__a.sql", "DROP TABLE a;");
        Cli.Result result = refused(fresh(upgraded("upgrade", "--migrations", set.path())),
                "downgrade-to", "0", "--migrations", set.path());
        assertThat(result.exitCode()).isEqualTo(9);
        assertThat(result.stderr()).contains("missing undo script U2__b.sql", "nothing was reverted");
    }

    @Test
    void aTargetThatIsNotAnAppliedVersionIsRefusedWith9() {
        Cli.Result unknown = refused(upgradedCopy(), "downgrade-to", "7");
        assertThat(unknown.exitCode()).isEqualTo(9);
        assertThat(unknown.stderr()).contains("target 7 is not an applied version", "applied: 1, 2, 3");

        Cli.Result notYet = refused(upgradedCopy("--target", "1"), "downgrade-to", "2");
        assertThat(notYet.exitCode()).isEqualTo(9);
        assertThat(notYet.stderr()).contains("target 2 is not an applied version");

        Cli.Result tooMany = refused(upgradedCopy(), "downgrade", "4", "--allow-data-loss");
        assertThat(tooMany.exitCode()).isEqualTo(9);
        assertThat(tooMany.stderr()).contains("only 3 applied migrations");
    }

    @Test
    void aTargetBelowTheBaselineIsRefusedWith9() {
        MigrationDirectory set = MigrationDirectory.create()
                .forward("V1__a.sql", "CREATE TABLE a (x int);")
                .forward("V2__b.sql", "CREATE TABLE b (x int);")
                .forward("V3__c.sql", "CREATE TABLE c (x int);")
                .undo("U1__a.sql", "DROP TABLE a;")
                .undo("U2__b.sql", "DROP TABLE b;")
                .undo("U3__c.sql", "DROP TABLE c;");
        Consumer<TestDatabase> baselinedAt2 = db -> {
            upgraded("upgrade", "--target", "2", "--migrations", set.path()).accept(db);
            // What `baseline` leaves behind: one BASELINE row at 2 and no history before it.
            db.execute("DELETE FROM flyway_schema_history WHERE version = '1'");
            db.execute("UPDATE flyway_schema_history SET type = 'BASELINE', description = '<< Flyway Baseline >>',"
                    + " script = '<< Flyway Baseline >>', checksum = NULL WHERE version = '2'");
            upgraded("upgrade", "--migrations", set.path()).accept(db);
        };
        try (DatabaseTemplate baselined = DatabaseTemplate.of("baselined at 2", baselinedAt2)) {
            Cli.Result below = refused(baselined::copy, "downgrade-to", "1", "--migrations", set.path());
            assertThat(below.exitCode()).isEqualTo(9);
            assertThat(below.stderr()).contains("below the baseline 2");
            Cli.Result nothing = refused(baselined::copy, "downgrade-to", "0", "--migrations", set.path());
            assertThat(nothing.exitCode()).isEqualTo(9);
            Cli.Result tooMany = refused(baselined::copy, "downgrade", "2", "--migrations", set.path());
            assertThat(tooMany.exitCode()).isEqualTo(9);
            assertThat(tooMany.stderr()).contains("above the baseline 2");

            try (TestDatabase db = baselined.copy()) {
                Cli.Result toBaseline = Cli.run(db.env(), "downgrade-to", "2", "--migrations", set.path());
                assertThat(toBaseline.exitCode()).as(toBaseline.toString()).isZero();
                assertThat(db.value("SELECT to_regclass('c') IS NULL AND to_regclass('b') IS NOT NULL"))
                        .isEqualTo("true");
            }
        }
    }

    @Test
    void aChecksumMismatchIsRefusedWith6() {
        Cli.Result result = refused(upgradedCopy(
                        db -> db.execute("UPDATE flyway_schema_history SET checksum = 42 WHERE version = '3'")),
                "downgrade", "--allow-data-loss");
        assertThat(result.exitCode()).isEqualTo(6);
        assertThat(result.stderr()).contains("V3 permission scopes", "checksum");
    }

    @Test
    void aFailedMigrationInTheHistoryIsRefusedWith6() {
        Cli.Result result = refused(upgradedCopy(
                        db -> db.execute("UPDATE flyway_schema_history SET success = false WHERE version = '3'")),
                "downgrade", "--allow-data-loss");
        assertThat(result.exitCode()).isEqualTo(6);
        assertThat(result.stderr()).contains("failed migration", "V3 permission scopes");
    }

    @Test
    void undeclaredDataLossIsRefusedWith9UntilAllowed() {
        Cli.Result result = refused(upgradedCopy(), "downgrade");
        assertThat(result.exitCode()).isEqualTo(9);
        assertThat(result.stderr()).contains("destroys data", "V3 permission scopes", "user_permissions",
                "--allow-data-loss");
    }

    @Test
    void anUndoThatFailsHalfwayLeavesSchemaAndHistoryAsTheyWere() {
        MigrationDirectory set = MigrationDirectory.create()
                .forward("V1__a.sql", "CREATE TABLE a (x int);")
                .forward("V2__b_and_c.sql", "CREATE TABLE b (x int);\nCREATE TABLE c (x int);")
                .undo("U1__a.sql", "DROP TABLE a;")
                .undo("U2__b_and_c.sql", "DROP TABLE c;\nSELECT 1 / 0;\nDROP TABLE b;");
        try (TestDatabase db = TestServer.createDatabase()) {
            upgraded("upgrade", "--migrations", set.path()).accept(db);
            List<String> schema = CatalogFingerprint.of(db);
            List<String> history = db.rows(HISTORY);
            Cli.Result result = Cli.run(db.env(), "downgrade", "--migrations", set.path());
            assertThat(result.exitCode()).as(result.toString()).isEqualTo(5);
            assertThat(result.stderr()).contains("undo of V2 b and c", "division by zero", "rolled back");
            assertThat(CatalogFingerprint.of(db)).isEqualTo(schema);
            assertThat(db.value("SELECT to_regclass('c') IS NOT NULL")).isEqualTo("true");
            assertThat(db.rows(HISTORY)).isEqualTo(history);
            assertThat(db.rows("SELECT direction, version, outcome FROM intel_migrate_operations ORDER BY id"))
                    .endsWith("downgrade | 2 | failed");
        }
    }
}
