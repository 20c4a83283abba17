package com.corpintel.migrate.db;

import com.corpintel.migrate.config.ConnectionSettings;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.postgresql.ds.PGSimpleDataSource;

import javax.sql.DataSource;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class SessionDataSourceTest {

    private static final SessionSettings SESSION = new SessionSettings("public", "intel-migrate test@host",
            null, Duration.ofMillis(1500), Duration.ofSeconds(7));

    /** What a fake session saw: the statements run on it, and whether it was closed. */
    private static final class FakeSession {
        final List<String> executed = new ArrayList<>();
        boolean closed;
        final SQLException failSetup;
        /** The process id the driver was told, and the one the server reports: they differ behind a pooler. */
        final int announcedPid;
        final int serverPid;

        FakeSession(SQLException failSetup) {
            this(failSetup, 100, 100);
        }

        FakeSession(SQLException failSetup, int announcedPid, int serverPid) {
            this.failSetup = failSetup;
            this.announcedPid = announcedPid;
            this.serverPid = serverPid;
        }

        Connection connection() {
            InvocationHandler resultSet = (proxy, method, args) -> switch (method.getName()) {
                case "next" -> true;
                case "getInt" -> serverPid;
                case "close" -> null;
                default -> throw new UnsupportedOperationException(method.getName());
            };
            InvocationHandler statement = (proxy, method, args) -> switch (method.getName()) {
                case "execute" -> {
                    executed.add((String) args[0]);
                    if (failSetup != null && executed.size() == 1) {
                        throw failSetup;
                    }
                    yield false;
                }
                case "executeQuery" -> {
                    executed.add((String) args[0]);
                    yield proxy(ResultSet.class, resultSet);
                }
                case "close" -> null;
                default -> throw new UnsupportedOperationException(method.getName());
            };
            InvocationHandler driverConnection = (proxy, method, args) -> switch (method.getName()) {
                case "getBackendPID" -> announcedPid;
                default -> throw new UnsupportedOperationException(method.getName());
            };
            InvocationHandler connection = (proxy, method, args) -> switch (method.getName()) {
                case "createStatement" -> proxy(Statement.class, statement);
                case "unwrap" -> proxy(PGConnection.class, driverConnection);
                case "close" -> {
                    closed = true;
                    yield null;
                }
                default -> throw new UnsupportedOperationException(method.getName());
            };
            return proxy(Connection.class, connection);
        }

        private static <T> T proxy(Class<T> type, InvocationHandler handler) {
            return type.cast(Proxy.newProxyInstance(SessionDataSourceTest.class.getClassLoader(),
                    new Class<?>[] {type}, handler));
        }
    }

    /** Hands out the given sessions in order, as the driver would open them. */
    private static DataSource driver(Deque<FakeSession> sessions) {
        return (DataSource) Proxy.newProxyInstance(SessionDataSourceTest.class.getClassLoader(),
                new Class<?>[] {DataSource.class}, (proxy, method, args) -> {
                    if (method.getName().equals("getConnection")) {
                        return sessions.removeFirst().connection();
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    private static final SQLException CATALOG_RACE =
            new SQLException("ERROR: could not open relation with OID 41402", "XX000");

    @Test
    void theDriverSendsNoStartupOptionsWhichPoolersReject() {
        ConnectionSettings where = new ConnectionSettings("127.0.0.1", 5432, "intel", "intel", null, "prefer",
                Map.of(), "test");
        PGSimpleDataSource driver = Database.driverDataSource(where, SESSION);
        assertThat(driver.getOptions()).isNull();
        assertThat(driver.getApplicationName()).isEqualTo("intel-migrate test@host");
    }

    @Test
    void everySessionGetsItsTimeoutsBySetInOneRoundTrip() throws SQLException {
        FakeSession first = new FakeSession(null);
        FakeSession second = new FakeSession(null);
        DataSource sessions = new SessionDataSource(driver(new ArrayDeque<>(List.of(first, second))), SESSION);

        sessions.getConnection();
        sessions.getConnection();

        for (FakeSession session : List.of(first, second)) {
            assertThat(session.executed).hasSize(1);
            assertThat(session.executed.get(0))
                    .startsWith("SET lock_timeout = 1500; SET statement_timeout = 7000;");
            assertThat(session.closed).isFalse();
        }
    }

    @Test
    void aSessionOpenedWhileTimescaleDbIsDroppedIsReplacedByAFreshOne() throws SQLException {
        FakeSession raced = new FakeSession(CATALOG_RACE);
        FakeSession fresh = new FakeSession(null);
        DataSource sessions = new SessionDataSource(driver(new ArrayDeque<>(List.of(raced, fresh))), SESSION);

        sessions.getConnection();

        assertThat(raced.closed).as("the raced session is discarded").isTrue();
        assertThat(fresh.executed).hasSize(1);
        assertThat(fresh.closed).isFalse();
    }

    @Test
    void aRacedSessionThroughAPoolerHasItsServerProcessEndedSoThePoolerCannotHandItOutAgain() throws SQLException {
        FakeSession raced = new FakeSession(CATALOG_RACE, 123456, 4711);
        FakeSession fresh = new FakeSession(null, 654321, 4712);
        DataSource sessions = new SessionDataSource(driver(new ArrayDeque<>(List.of(raced, fresh))), SESSION);

        sessions.getConnection();

        assertThat(raced.executed).last().isEqualTo("SELECT pg_terminate_backend(pg_backend_pid())");
        assertThat(raced.closed).isTrue();
        assertThat(fresh.executed).hasSize(1);
    }

    @Test
    void aRacedDirectSessionIsOnlyClosed() throws SQLException {
        FakeSession raced = new FakeSession(CATALOG_RACE, 4711, 4711);
        DataSource sessions = new SessionDataSource(driver(new ArrayDeque<>(List.of(raced, new FakeSession(null)))),
                SESSION);

        sessions.getConnection();

        assertThat(raced.executed).noneMatch(sql -> sql.contains("pg_terminate_backend"));
        assertThat(raced.closed).isTrue();
    }

    @Test
    void aRaceThatDoesNotSettleFailsAfterAFewAttempts() {
        Deque<FakeSession> all = new ArrayDeque<>();
        for (int i = 0; i < SessionDataSource.ATTEMPTS + 1; i++) {
            all.add(new FakeSession(CATALOG_RACE));
        }
        DataSource sessions = new SessionDataSource(driver(all), SESSION);

        Throwable failure = catchThrowableOfType(SQLException.class, sessions::getConnection);

        assertThat(failure).isSameAs(CATALOG_RACE);
        assertThat(all).as("one session left unopened").hasSize(1);
    }

    @Test
    void otherFailuresAreNotRetried() {
        SQLException denied = new SQLException("ERROR: permission denied for schema pg_catalog", "42501");
        Deque<FakeSession> all = new ArrayDeque<>(List.of(new FakeSession(denied), new FakeSession(null)));
        DataSource sessions = new SessionDataSource(driver(all), SESSION);

        Throwable failure = catchThrowableOfType(SQLException.class, sessions::getConnection);

        assertThat(failure).isSameAs(denied);
        assertThat(all).hasSize(1);
    }
}
