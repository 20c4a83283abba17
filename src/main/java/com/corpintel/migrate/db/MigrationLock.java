package com.corpintel.migrate.db;

import com.corpintel.migrate.Failure;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.zip.CRC32;

/**
 * The one lock every schema-changing command holds: a session-level advisory lock
 * on its own connection, keyed by the target schema. Waiting is bounded; the
 * message names the holder through its application name, which carries the host
 * or pod name. The server releases the lock if this process dies, and also if its
 * session is ended under it (a proxy, idle_session_timeout, an operator): so each
 * step first checks, with {@link #requireHeld}, that the lock is still there.
 */
public final class MigrationLock implements AutoCloseable {

    /** "IMIG": the first half of the two-int advisory lock key, the same for every schema. */
    public static final int CLASS_ID = 0x494D4947;
    private static final Duration FIRST_PAUSE = Duration.ofMillis(50);
    private static final Duration LONGEST_PAUSE = Duration.ofSeconds(1);
    private static final int MAX_SESSION_ERRORS = 3;
    /**
     * Bounds each statement on the lock's session at the socket: a proxy that silently
     * drops the connection would otherwise leave the check waiting on TCP for minutes.
     */
    private static final Duration SESSION_NETWORK_TIMEOUT = Duration.ofSeconds(60);

    /** Who holds the lock, as pg_stat_activity shows them. */
    public record Holder(int pid, String applicationName, String user, String clientAddress, OffsetDateTime since) {
        public String describe() {
            return "'" + applicationName + "' (pid " + pid + ", user " + user
                    + (clientAddress == null ? "" : ", from " + clientAddress)
                    + (since == null ? "" : ", connected since " + since) + ")";
        }
    }

    private final Connection connection;
    private final String schema;
    private final int objectId;
    private final int backendPid;

    private MigrationLock(Connection connection, String schema, int objectId) throws SQLException {
        this.connection = connection;
        this.schema = schema;
        this.objectId = objectId;
        this.backendPid = backendPid(connection);
        connection.setNetworkTimeout(Runnable::run, (int) SESSION_NETWORK_TIMEOUT.toMillis());
    }

    public static MigrationLock acquire(Database database, Duration wait, Consumer<String> progress) {
        return acquireOn(database, openSession(database), wait, progress);
    }

    /**
     * As {@link #acquire(Database, Duration, Consumer)}, on {@code session}, a session of {@code database}
     * in autocommit that the caller hands over (it is closed when the lock is released or not taken):
     * so that the session which checked the server can hold the lock instead of a new one.
     */
    public static MigrationLock acquire(Database database, Connection session, Duration wait, Consumer<String> progress) {
        try {
            keepIdle(session);
        } catch (SQLException e) {
            closeQuietly(session);
            throw SqlFailures.onConnect(e, database.connection());
        }
        return acquireOn(database, session, wait, progress);
    }

    private static MigrationLock acquireOn(Database database, Connection session, Duration wait, Consumer<String> progress) {
        Connection connection = session;
        try {
            int objectId = objectId(database.schema());
            long deadline = System.nanoTime() + wait.toNanos();
            Duration pause = FIRST_PAUSE;
            boolean reported = false;
            int sessionErrors = 0;
            while (true) {
                Optional<Holder> holder;
                try {
                    if (tryLock(connection, objectId)) {
                        return new MigrationLock(connection, database.schema(), objectId);
                    }
                    holder = holder(connection, objectId);
                } catch (SQLException e) {
                    // A session that outlived a DROP EXTENSION timescaledb (a downgrade to nothing)
                    // fails its queries ("could not open relation with OID"): start afresh.
                    if (!SqlFailures.isTransientCatalogRace(e) || ++sessionErrors > MAX_SESSION_ERRORS) {
                        throw e;
                    }
                    closeQuietly(connection);
                    connection = openSession(database);
                    continue;
                }
                if (System.nanoTime() >= deadline) {
                    throw new Failure(Failure.Kind.LOCK, "another migration is running: the migration lock of schema "
                            + database.schema() + " is held by "
                            + holder.map(Holder::describe).orElse("a session that just let it go")
                            + "; gave up after " + wait.toMillis() + " ms (--lock-wait)");
                }
                if (!reported && holder.isPresent()) {
                    progress.accept("waiting up to " + wait.toSeconds() + " s for the migration lock held by "
                            + holder.get().describe());
                    reported = true;
                }
                Thread.sleep(Math.min(pause.toMillis(), Math.max(1, (deadline - System.nanoTime()) / 1_000_000)));
                pause = pause.multipliedBy(2).compareTo(LONGEST_PAUSE) > 0 ? LONGEST_PAUSE : pause.multipliedBy(2);
            }
        } catch (SQLException e) {
            closeQuietly(connection);
            throw new Failure(Failure.Kind.CONNECTION, "cannot take the migration lock: " + SqlFailures.serverMessage(e), e);
        } catch (InterruptedException e) {
            closeQuietly(connection);
            Thread.currentThread().interrupt();
            throw new Failure(Failure.Kind.LOCK, "interrupted while waiting for the migration lock");
        } catch (RuntimeException e) {
            closeQuietly(connection);
            throw e;
        }
    }

    /**
     * Stops the run unless this process still holds the lock: if its session was ended,
     * the server released the lock and another runner may be migrating now.
     *
     * @param next the step about to run, for the message
     * @throws Failure of kind LOCK when the lock is gone; nothing of {@code next} has run
     */
    public void requireHeld(String next) {
        String why;
        try {
            if (held()) {
                return;
            }
            why = "pg_locks no longer shows it for this session";
        } catch (SQLException e) {
            why = "its session ended: " + SqlFailures.serverMessage(e);
        }
        throw new Failure(Failure.Kind.LOCK, "lost the migration lock of schema " + schema + " before " + next
                + " (" + why + "; a proxy, idle_session_timeout or an operator may have ended it): another run may"
                + " hold it now, so " + next + " and the steps after it were not run; the steps before it are"
                + " complete. Run the command again to finish");
    }

    private boolean held() throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(CatalogQueries.LOCK_HELD)) {
            statement.setLong(1, CLASS_ID);
            statement.setLong(2, objectId);
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        } catch (SQLException e) {
            if (!SqlFailures.isTransientCatalogRace(e)) {
                throw e;
            }
            // TimescaleDB was dropped since this session loaded it (by a downgrade's own step):
            // it can read no table now, yet it answers, and a session-level lock lives as long
            // as its session does.
            return backendPid(connection) == backendPid;
        }
    }

    /** A new session for the lock; session settings come from {@link Database#connect()}. */
    private static Connection openSession(Database database) {
        Connection connection = database.connect();
        try {
            keepIdle(connection);
            return connection;
        } catch (SQLException e) {
            closeQuietly(connection);
            throw SqlFailures.onConnect(e, database.connection());
        }
    }

    private static void keepIdle(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(CatalogQueries.KEEP_IDLE_SESSION);
        }
    }

    private static int backendPid(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery(CatalogQueries.BACKEND_PID)) {
            rs.next();
            return rs.getInt(1);
        }
    }

    /** The second half of the lock key: the schema it protects. */
    public static int objectId(String schema) {
        CRC32 crc = new CRC32();
        crc.update(schema.getBytes(StandardCharsets.UTF_8));
        return (int) (crc.getValue() & 0x7fffffff);
    }

    private static boolean tryLock(Connection connection, int objectId) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT pg_try_advisory_lock(?, ?)")) {
            statement.setInt(1, CLASS_ID);
            statement.setInt(2, objectId);
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }

    private static Optional<Holder> holder(Connection connection, int objectId) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(CatalogQueries.LOCK_HOLDER)) {
            statement.setLong(1, CLASS_ID);
            statement.setLong(2, objectId);
            try (ResultSet rs = statement.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new Holder(
                        rs.getInt("pid"),
                        rs.getString("application_name"),
                        rs.getString("usename"),
                        rs.getString("client_addr"),
                        rs.getObject("backend_start", OffsetDateTime.class)));
            }
        }
    }

    @Override
    public void close() {
        // Closing the session releases the lock even if the unlock call fails.
        try (PreparedStatement statement = connection.prepareStatement("SELECT pg_advisory_unlock_all()")) {
            statement.execute();
        } catch (SQLException ignored) {
            // the session is going away anyway
        } finally {
            closeQuietly(connection);
        }
    }

    private static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException ignored) {
            // nothing left to release
        }
    }
}
