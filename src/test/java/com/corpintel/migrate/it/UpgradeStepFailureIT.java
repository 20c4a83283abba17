package com.corpintel.migrate.it;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A step that fails mid-upgrade: which step, why (the server's message and SQLSTATE),
 * and what it left behind are told apart by whether the step ran in a transaction; the
 * steps before it stay applied and the failure is in the operations log.
 */
class UpgradeStepFailureIT {

    @Test
    void aFailingTransactionalStepIsRolledBackAndNamedWithTheServersReasonAndExit5() {
        MigrationDirectory set = MigrationDirectory.create()
                .forward("V1__first.sql", "CREATE TABLE first (x int);")
                .forward("V2__broken.sql", "CREATE TABLE second (x int);\nCRATE TABLE third (x int);");
        try (TestDatabase db = TestServer.createDatabase()) {
            Cli.Result result = Cli.run(db.env(), "upgrade", "--migrations", set.path());

            assertThat(result.exitCode()).as(result.toString()).isEqualTo(5);
            assertThat(result.stderr()).contains("V2 broken failed: ", "syntax error", "[SQLSTATE 42601]",
                    "it ran in a transaction that was rolled back, so the database is as before V2 broken");
            assertThat(db.value("SELECT to_regclass('first') IS NOT NULL AND to_regclass('second') IS NULL"))
                    .as("V1 stays, V2's first statement is rolled back").isEqualTo("true");
            assertThat(Cli.run(db.env(), "current", "--migrations", set.path()).stdout()).isEqualTo("1\n");
            assertThat(db.rows("SELECT version || ' ' || outcome FROM intel_migrate_operations ORDER BY id"))
                    .containsExactly("1 success", "2 failed");
        }
    }

    @Test
    void aFailingNonTransactionalStepSaysWhatStaysAppliedAndIsNeverRetried() {
        MigrationDirectory set = MigrationDirectory.create()
                .forward("V1__first.sql", "CREATE TABLE first (x int);")
                .forward("V2__half.sql", "CREATE TABLE second (x int);\nCRATE TABLE third (x int);")
                .nonTransactional("migration", "V2__half.sql");
        try (TestDatabase db = TestServer.createDatabase()) {
            Cli.Result result = Cli.run(db.env(), "upgrade", "--migrations", set.path(), "--lock-retries", "3");

            assertThat(result.exitCode()).as(result.toString()).isEqualTo(5);
            assertThat(result.stderr()).contains("V2 half failed: ", "[SQLSTATE 42601]",
                    "V2 half is not transactional: the statements before the failing one stay applied")
                    .doesNotContain("lock_timeout while");
            assertThat(db.value("SELECT to_regclass('second') IS NOT NULL")).as("the first statement stays")
                    .isEqualTo("true");
        }
    }
}
