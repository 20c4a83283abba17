package com.corpintel.migrate.it;

import com.corpintel.migrate.db.Backend;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Through a real PgBouncer in session pooling mode, with its default handling of
 * startup parameters (which rejects "options"): upgrade, downgrade and upgrade
 * again work, and their sessions still run with the configured timeouts.
 */
class PgBouncerIT {

    private TestDatabase db;
    private PgBouncer pooler;

    @BeforeEach
    void start() throws Exception {
        db = TestServer.createDatabase();
        pooler = PgBouncer.start();
    }

    @AfterEach
    void stop() {
        pooler.close();
        db.close();
    }

    @Test
    void theWholeCycleWorksThroughPgBouncerInSessionMode() {
        // The pooler hands server processes from one session to the next: the license probe's,
        // the undo's that dropped TimescaleDB, and those that had it loaded must not be handed on.
        Cli.Result up = Cli.run(pooler.env(db), "upgrade");
        assertThat(up.exitCode()).as(up + "\n--- pgbouncer\n" + pooler.log()).isZero();
        assertThat(up.stdout()).contains("Applied 3 migrations");

        Cli.Result status = Cli.run(pooler.env(db), "status", "--check");
        assertThat(status.exitCode()).as(status.toString()).isZero();

        Cli.Result down = Cli.run(pooler.env(db), "downgrade-to", "0", "--allow-data-loss");
        assertThat(down.exitCode()).as(down.toString()).isZero();
        assertThat(db.value("SELECT count(*) FROM pg_extension WHERE extname = 'timescaledb'")).isEqualTo("0");

        Cli.Result again = Cli.run(pooler.env(db), "upgrade");
        assertThat(again.exitCode()).as(again + "\n--- pgbouncer\n" + pooler.log()).isZero();
        assertThat(Cli.run(pooler.env(db), "current").stdout()).isEqualTo("3\n");
    }

    @Test
    void aServerProcessBehindThePoolerIsRetiredAndOneBehindADirectSessionIsLeftAlone() throws Exception {
        try (Connection direct = db.connect()) {
            Backend.retireIfPooled(direct);
            assertThat(backendPid(direct)).as("a direct session stays usable").isPositive();
        }
        String retired;
        try (Connection pooled = pooler.connect(db)) {
            retired = String.valueOf(backendPid(pooled));
            Backend.retireIfPooled(pooled);
        }
        try (Connection next = pooler.connect(db)) {
            assertThat(String.valueOf(backendPid(next))).isNotEqualTo(retired);
        }
        // The process exits as it answers; its pg_stat_activity row goes a moment later.
        Eventually.until("the retired server process " + retired + " to exit", Duration.ofSeconds(30),
                () -> "0".equals(db.value("SELECT count(*) FROM pg_stat_activity WHERE pid = " + retired)));
    }

    private static int backendPid(Connection connection) throws Exception {
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("SELECT pg_backend_pid()")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    @Test
    void stepsRunThroughPgBouncerWithTheConfiguredTimeouts() {
        MigrationDirectory set = MigrationDirectory.create()
                .forward("V1__seen.sql", "CREATE TABLE seen (direction text, lock_timeout text, statement_timeout text);\n"
                        + "INSERT INTO seen VALUES ('upgrade', current_setting('lock_timeout'),"
                        + " current_setting('statement_timeout'));")
                .forward("V2__nothing.sql", "SELECT 1;")
                .undo("U2__nothing.sql", "INSERT INTO seen VALUES ('downgrade', current_setting('lock_timeout'),"
                        + " current_setting('statement_timeout'));");

        for (String command : new String[] {"upgrade", "downgrade"}) {
            Cli.Result result = Cli.run(pooler.env(db), command, "--migrations", set.path(),
                    "--lock-timeout", "1500ms", "--statement-timeout", "7s");
            assertThat(result.exitCode()).as(result + "\n--- pgbouncer\n" + pooler.log()).isZero();
        }

        assertThat(db.rows("SELECT direction || ' ' || lock_timeout || ' ' || statement_timeout FROM seen"
                + " ORDER BY direction DESC"))
                .containsExactly("upgrade 1500ms 7s", "downgrade 1500ms 7s");
    }
}
