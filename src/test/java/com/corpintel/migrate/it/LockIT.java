package com.corpintel.migrate.it;

import com.corpintel.migrate.db.MigrationLock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.Statement;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The migration lock: bounded waits that name the holder, and retried lock timeouts. */
class LockIT {

    /** The advisory lock key intel-migrate uses (db/MigrationLock). */
    private static final int CLASS_ID = MigrationLock.CLASS_ID;
    private TestDatabase db;

    @BeforeEach
    void createDatabase() {
        db = TestServer.createDatabase();
    }

    @AfterEach
    void dropDatabase() {
        db.close();
    }


    @Test
    void aHeldMigrationLockMakesUpgradeGiveUpWithCode4NamingTheHolder() throws Exception {
        try (Connection holder = db.connect(); Statement s = holder.createStatement()) {
            s.execute("SET application_name = 'intel-migrate upgrade@pod-7f9c'");
            s.execute("SELECT pg_advisory_lock(" + CLASS_ID + ", " + MigrationLock.objectId("public") + ")");
            long started = System.nanoTime();
            Cli.Result result = Cli.run(db.env(), "upgrade", "--lock-wait", "2s");
            long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started);
            assertThat(result.exitCode()).as(result.toString()).isEqualTo(4);
            assertThat(result.stderr()).contains("another migration is running", "'intel-migrate upgrade@pod-7f9c'",
                    "--lock-wait");
            assertThat(seconds).as("the wait is bounded").isLessThan(60);
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
        Process upgrade = Cli.start(db.env(), "upgrade", "--lock-wait", "2m");
        Thread.sleep(4000);
        holder.close();
        byte[][] output = Cli.drain(upgrade);
        assertThat(upgrade.waitFor(2, TimeUnit.MINUTES)).isTrue();
        String stderr = new String(output[1], StandardCharsets.UTF_8);
        assertThat(upgrade.exitValue()).as(stderr).isZero();
        assertThat(stderr).contains("waiting up to 120 s for the migration lock held by 'operator-laptop'");
        assertThat(new String(output[0], StandardCharsets.UTF_8)).contains("Applied 3 migrations");
    }

    @Test
    void aLockTimeoutIsRetriedAndTheMigrationSucceedsWhenTheBlockerFinishes() throws Exception {
        assertThat(Cli.run(db.env(), "upgrade", "--target", "2").exitCode()).isZero();
        Connection blocker = db.connect();
        blocker.setAutoCommit(false);
        try (Statement s = blocker.createStatement()) {
            s.execute("LOCK TABLE permissions IN ACCESS EXCLUSIVE MODE");
        }
        Process upgrade = Cli.start(db.env(), "upgrade", "--lock-timeout", "300ms", "--lock-retries", "5");
        Thread.sleep(3000);
        blocker.rollback();
        blocker.close();
        byte[][] output = Cli.drain(upgrade);
        assertThat(upgrade.waitFor(2, TimeUnit.MINUTES)).isTrue();
        String stderr = new String(output[1], StandardCharsets.UTF_8);
        assertThat(upgrade.exitValue()).as(stderr).isZero();
        assertThat(stderr).contains("lock_timeout while applying V3 permission scopes", "retry 1 of 5");
        assertThat(db.value("SELECT count(*) FROM permissions")).isEqualTo("16");
    }

    @Test
    void lockTimeoutsThatOutlastTheRetriesFailWithCode4AndLeaveTheVersionAsItWas() throws Exception {
        assertThat(Cli.run(db.env(), "upgrade", "--target", "2").exitCode()).isZero();
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
