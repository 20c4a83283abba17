package com.corpintel.migrate.it;

import com.corpintel.migrate.db.MigrationLock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The migration lock lives with its session, which sits idle while the steps run on
 * others. If that session ends, the run must notice before its next step and stop.
 */
class LockLossIT {

    /** An advisory lock the test holds to keep a step waiting; not the tool's key. */
    private static final int GATE = 424242;

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
    void anUpgradeWhoseLockSessionEndedStopsBeforeTheNextStepWithCode4() throws Exception {
        MigrationDirectory set = MigrationDirectory.create()
                .forward("V1__gated.sql", "SELECT pg_advisory_xact_lock(" + GATE + ");\nCREATE TABLE first (x int);")
                .forward("V2__after.sql", "CREATE TABLE after_loss (x int);");
        Cli.Result result;
        try (Connection gate = db.connect(); Statement s = gate.createStatement()) {
            s.execute("SELECT pg_advisory_lock(" + GATE + ")");
            Process upgrade = Cli.start(db.env(), "upgrade", "--migrations", set.path(), "--lock-timeout", "5m");
            ToolSessions.awaitWaitingOnLock(db, upgrade);
            ToolSessions.terminateLockSession(db);
            s.execute("SELECT pg_advisory_unlock(" + GATE + ")");
            result = ToolSessions.finish(upgrade);
        }
        assertThat(result.exitCode()).as(result.toString()).isEqualTo(4);
        assertThat(result.stderr()).contains("lost the migration lock of schema public before V2 after",
                "V2 after and the steps after it were not run");
        assertThat(db.value("SELECT to_regclass('first') IS NOT NULL")).as("V1 finished").isEqualTo("true");
        assertThat(db.value("SELECT to_regclass('after_loss') IS NULL")).as("V2 never ran").isEqualTo("true");
        assertThat(db.value("SELECT string_agg(version, ',' ORDER BY installed_rank) FROM flyway_schema_history"
                + " WHERE version IS NOT NULL")).isEqualTo("1");
        assertThat(Cli.run(db.env(), "upgrade", "--migrations", set.path()).exitCode())
                .as("a second run finishes the job").isZero();
        assertThat(db.value("SELECT to_regclass('after_loss') IS NOT NULL")).isEqualTo("true");
    }

    @Test
    void aDowngradeWhoseLockSessionEndedStopsBeforeTheNextStepWithCode4() throws Exception {
        MigrationDirectory set = MigrationDirectory.create()
                .forward("V1__a.sql", "CREATE TABLE a (x int);")
                .forward("V2__b.sql", "CREATE TABLE b (x int);")
                .undo("U1__a.sql", "DROP TABLE a;")
                .undo("U2__b.sql", "SELECT pg_advisory_xact_lock(" + GATE + ");\nDROP TABLE b;");
        assertThat(Cli.run(db.env(), "upgrade", "--migrations", set.path()).exitCode()).isZero();
        Cli.Result result;
        try (Connection gate = db.connect(); Statement s = gate.createStatement()) {
            s.execute("SELECT pg_advisory_lock(" + GATE + ")");
            Process downgrade = Cli.start(db.env(), "downgrade-to", "0", "--migrations", set.path(),
                    "--lock-timeout", "5m");
            ToolSessions.awaitWaitingOnLock(db, downgrade);
            ToolSessions.terminateLockSession(db);
            s.execute("SELECT pg_advisory_unlock(" + GATE + ")");
            result = ToolSessions.finish(downgrade);
        }
        assertThat(result.exitCode()).as(result.toString()).isEqualTo(4);
        assertThat(result.stderr()).contains("lost the migration lock of schema public before undo of V1 a");
        assertThat(db.value("SELECT to_regclass('b') IS NULL")).as("U2 finished").isEqualTo("true");
        assertThat(db.value("SELECT to_regclass('a') IS NOT NULL")).as("U1 never ran").isEqualTo("true");
        assertThat(Cli.run(db.env(), "current", "--migrations", set.path()).stdout()).isEqualTo("1\n");
    }

    @Test
    void aServerWideIdleSessionTimeoutDoesNotEndTheLockWhileAStepRuns() {
        MigrationDirectory set = MigrationDirectory.create()
                // The step outlasts the timeout several times over while the lock's session sits idle;
                // the timeout is long enough that no other session of a busy JVM pauses as long.
                .forward("V1__slow.sql", "SELECT pg_sleep(10);")
                .forward("V2__lock_still_held.sql", "DO $$ BEGIN\n"
                        + "  IF NOT EXISTS (SELECT 1 FROM pg_locks WHERE locktype = 'advisory' AND granted"
                        + " AND classid = " + MigrationLock.CLASS_ID + " AND objid = " + MigrationLock.objectId("public")
                        + " AND objsubid = 2) THEN RAISE EXCEPTION 'the migration lock is gone'; END IF;\n"
                        + "END $$;\nCREATE TABLE after_idle (x int);");
        db.execute("ALTER DATABASE " + db.name() + " SET idle_session_timeout = '3s'");

        Cli.Result result = Cli.run(db.env(), "upgrade", "--migrations", set.path());

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(db.value("SELECT to_regclass('after_idle') IS NOT NULL")).isEqualTo("true");
    }

    @Test
    void aLockSessionThatOutlivedADropOfTimescaleDbStillCountsAsHeld() {
        // U2 drops TimescaleDB while the lock's session has it loaded: that session can read no
        // table afterwards (the extension's known quirk), yet it is alive and holds the lock.
        MigrationDirectory set = MigrationDirectory.create()
                .forward("V1__a.sql", "CREATE TABLE a (x int);")
                .forward("V2__timescaledb.sql", "CREATE EXTENSION IF NOT EXISTS timescaledb;")
                .forward("V3__b.sql", "CREATE TABLE b (x int);")
                .undo("U1__a.sql", "DROP TABLE a;")
                .undo("U2__timescaledb.sql", "DROP EXTENSION timescaledb;")
                .undo("U3__b.sql", "DROP TABLE b;");
        assertThat(Cli.run(db.env(), "upgrade", "--migrations", set.path()).exitCode()).isZero();

        Cli.Result result = Cli.run(db.env(), "downgrade-to", "0", "--migrations", set.path());

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(db.value("SELECT count(*) FROM pg_class WHERE relname IN ('a', 'b')")).isEqualTo("0");
        assertThat(db.value("SELECT count(*) FROM pg_extension WHERE extname = 'timescaledb'")).isEqualTo("0");
    }
}
