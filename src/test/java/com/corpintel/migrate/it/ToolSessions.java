package com.corpintel.migrate.it;

import com.corpintel.migrate.db.MigrationLock;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * What pg_stat_activity and pg_locks show of a running binary's sessions: tests wait
 * on these, never on a timer. Queried from the maintenance database, so that the
 * watching is not itself held up by what happens in the test's database (a pending
 * DROP EXTENSION timescaledb blocks new sessions' first table read there).
 */
final class ToolSessions {

    private static final long PATIENCE_NANOS = TimeUnit.MINUTES.toNanos(3);

    private ToolSessions() {
    }

    /** Waits until one of the binary's sessions on {@code db} waits for a lock (a table, a row, an advisory lock). */
    static void awaitWaitingOnLock(TestDatabase db, Process process) throws Exception {
        long deadline = System.nanoTime() + PATIENCE_NANOS;
        String query = "SELECT pid FROM pg_stat_activity WHERE datname = '" + db.name() + "'"
                + " AND application_name LIKE 'intel-migrate %' AND wait_event_type = 'Lock'";
        while (rows(query).isEmpty()) {
            if (!process.isAlive()) {
                byte[][] output = Cli.drain(process);
                throw new AssertionError("intel-migrate exited " + process.exitValue()
                        + " before any of its sessions waited on a lock\n--- stdout\n"
                        + new String(output[0], StandardCharsets.UTF_8)
                        + "--- stderr\n" + new String(output[1], StandardCharsets.UTF_8));
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("gave up waiting for a session of intel-migrate to wait on a lock");
            }
            Thread.sleep(50);
        }
    }

    /** Ends the migration lock's session as a proxy or idle_session_timeout would, and waits until it is gone. */
    static void terminateLockSession(TestDatabase db) {
        List<String> pids = rows("SELECT a.pid FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid"
                + " WHERE l.locktype = 'advisory' AND l.granted AND l.classid = " + MigrationLock.CLASS_ID
                + " AND l.objid = " + MigrationLock.objectId("public") + " AND l.objsubid = 2"
                + " AND a.datname = '" + db.name() + "' AND a.application_name LIKE 'intel-migrate %'");
        if (pids.size() != 1) {
            throw new AssertionError("expected one intel-migrate session holding the migration lock, found " + pids);
        }
        // With a timeout, pg_terminate_backend returns once the backend has exited.
        List<String> ended = rows("SELECT pg_terminate_backend(" + pids.get(0) + ", 60000)");
        if (!ended.equals(List.of("t"))) {
            throw new AssertionError("backend " + pids.get(0) + " did not end: " + ended);
        }
    }

    /** Waits for the process to end and returns what it printed. */
    static Cli.Result finish(Process process) throws Exception {
        byte[][] output = Cli.drain(process);
        if (!process.waitFor(3, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("intel-migrate did not finish");
        }
        return new Cli.Result(process.exitValue(), new String(output[0], StandardCharsets.UTF_8),
                new String(output[1], StandardCharsets.UTF_8));
    }

    /** The first column of each row, read on the maintenance database. */
    private static List<String> rows(String sql) {
        try (Connection c = TestServer.connect(TestServer.adminUri().getPath().substring(1));
             Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            List<String> rows = new ArrayList<>();
            while (rs.next()) {
                rows.add(rs.getString(1));
            }
            return rows;
        } catch (SQLException e) {
            throw new AssertionError("cannot query the maintenance database: " + sql, e);
        }
    }
}
