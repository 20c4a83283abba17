package com.corpintel.migrate.it;

import com.corpintel.migrate.db.MigrationLock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** The migration lock: bounded waits that name the holder, and retried lock timeouts. */
class LockIT {

    /** The advisory lock key intel-migrate uses (db/MigrationLock). */
    private static final int CLASS_ID = MigrationLock.CLASS_ID;
    /** Bounds a hang only: each wait returns as soon as what it waits for is seen. */
    private static final Duration WITHIN = Duration.ofMinutes(2);
    private TestDatabase db;

    @BeforeEach
    void createDatabase() {
        db = TestServer.createDatabase();
    }

    @AfterEach
    void dropDatabase() {
        db.close();
    }

    /** Starts from a copy of what `upgrade ARGS` built (see {@link DatabaseTemplate}) instead of the empty database. */
    private void startUpgraded(String... upgradeArgs) {
        db.close();
        db = DatabaseTemplate.upgraded(upgradeArgs).copy();
    }

    @Test
    void aHeldMigrationLockMakesUpgradeGiveUpWithCode4NamingTheHolder() throws Exception {
        try (Connection holder = db.connect(); Statement s = holder.createStatement()) {
            s.execute("SET application_name = 'intel-migrate upgrade@pod-7f9c'");
            s.execute("SELECT pg_advisory_lock(" + CLASS_ID + ", " + MigrationLock.objectId("public") + ")");
            Cli.Result result = Cli.run(db.env(), "upgrade", "--lock-wait", "2s");
            assertThat(result.exitCode()).as(result.toString()).isEqualTo(4);
            assertThat(result.stderr()).contains("another migration is running", "'intel-migrate upgrade@pod-7f9c'",
                    "gave up after 2000 ms (--lock-wait)");
        }
        assertThat(db.value("SELECT to_regclass('flyway_schema_history') IS NULL")).isEqualTo("true");
    }

    @Test
    void aWaitingUpgradeProceedsOnceTheHolderLetsGo() throws Exception {
        Connection holder = db.connect();
        try (Statement s = holder.createStatement()) {
            s.execute("SET application_name = 'operator-laptop'");
            s.execute("SELECT pg_advisory_lock(" + CLASS_ID + ", " + MigrationLock.objectId("public") + ")");
        }
        try (CliProcess upgrade = CliProcess.start(db.env(), "upgrade", "--lock-wait", "2m")) {
            // Let go only once the upgrade has seen the lock taken: then it must have waited.
            upgrade.awaitStderr("waiting up to 120 s for the migration lock held by 'operator-laptop'", WITHIN);
            assertThat(db.value("SELECT to_regclass('flyway_schema_history') IS NULL"))
                    .as("nothing applied while the lock is held").isEqualTo("true");
            holder.close();
            Cli.Result result = upgrade.finish(WITHIN);
            assertThat(result.exitCode()).as(result.toString()).isZero();
            assertThat(result.stdout()).contains("Applied 3 migrations");
        } finally {
            holder.close();
        }
    }

    @Test
    void aLockTimeoutIsRetriedAndTheMigrationSucceedsWhenTheBlockerFinishes() throws Exception {
        startUpgraded("--target", "2");
        Connection blocker = db.connect();
        blocker.setAutoCommit(false);
        try (Statement s = blocker.createStatement()) {
            s.execute("LOCK TABLE permissions IN ACCESS EXCLUSIVE MODE");
        }
        try (CliProcess upgrade = CliProcess.start(db.env("HOSTNAME", "lock-retry"), "upgrade",
                "--lock-timeout", "300ms", "--lock-retries", "5")) {
            // The first attempt queued behind the blocker: the server shows it waiting on a lock.
            Eventually.until("V3 to wait for the table lock", WITHIN, () -> !upgrade.isAlive() || db.value(
                    "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()"
                            + " AND wait_event_type = 'Lock' AND application_name = 'intel-migrate upgrade@lock-retry'")
                    .equals("1"), upgrade::toString);
            // It timed out and said it will try again: only now does the blocker finish.
            upgrade.awaitStderr("retry 1 of 5", WITHIN);
            blocker.rollback();
            blocker.close();
            Cli.Result result = upgrade.finish(WITHIN);
            assertThat(result.exitCode()).as(result.toString()).isZero();
            assertThat(result.stderr()).contains("lock_timeout while applying V3 permission scopes", "retry 1 of 5");
        } finally {
            blocker.close();
        }
        assertThat(db.value("SELECT count(*) FROM permissions")).isEqualTo("16");
    }

    @Test
    void lockTimeoutsThatOutlastTheRetriesFailWithCode4AndLeaveTheVersionAsItWas() throws Exception {
        startUpgraded("--target", "2");
        try (Connection blocker = db.connect()) {
            blocker.setAutoCommit(false);
            try (Statement s = blocker.createStatement()) {
                s.execute("LOCK TABLE permissions IN ACCESS EXCLUSIVE MODE");
            }
            Cli.Result result = Cli.run(db.env(), "upgrade", "--lock-timeout", "200ms", "--lock-retries", "1");
            assertThat(result.exitCode()).as(result.toString()).isEqualTo(4);
            assertThat(result.stderr()).contains("V3 permission scopes failed", "lock timeout",
                    "rolled back, so the database is as before");
            blocker.rollback();
        }
        assertThat(Cli.run(db.env(), "current").stdout()).isEqualTo("2\n");
        assertThat(db.value("SELECT count(*) FROM flyway_schema_history WHERE NOT success")).isEqualTo("0");
    }
}
