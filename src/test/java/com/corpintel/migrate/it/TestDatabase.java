package com.corpintel.migrate.it;

import com.corpintel.migrate.config.ConnectionSettings;
import com.corpintel.migrate.config.Secret;
import com.corpintel.migrate.db.Database;
import com.corpintel.migrate.db.MigrationLock;
import com.corpintel.migrate.db.SessionSettings;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A database of one test's own on the test server. */
public final class TestDatabase implements AutoCloseable {

    private final String name;

    TestDatabase(String name) {
        this.name = name;
    }

    public String name() {
        return name;
    }

    /** libpq URL without the password: tests pass it through PGPASSWORD like an operator would. */
    public String url() {
        return "postgresql://" + TestServer.user() + "@" + TestServer.host() + ":" + TestServer.port() + "/" + name;
    }

    /** The environment a test hands the binary: the URL and the password, nothing else. */
    public Map<String, String> env() {
        Map<String, String> env = new HashMap<>();
        env.put("DATABASE_URL", url());
        env.put("PGPASSWORD", TestServer.password());
        return env;
    }

    public Map<String, String> env(String... extra) {
        Map<String, String> env = env();
        for (int i = 0; i < extra.length; i += 2) {
            env.put(extra[i], extra[i + 1]);
        }
        return env;
    }

    /** The tool's own view of this database, for tests that drive its classes in process (schema public). */
    public Database toolDatabase(String applicationName) {
        return new Database(new ConnectionSettings(TestServer.host(), TestServer.port(), name, TestServer.user(),
                Secret.of(TestServer.password()), "disable", Map.of(), "test"),
                new SessionSettings("public", applicationName, null, java.time.Duration.ofSeconds(10),
                        java.time.Duration.ofMinutes(5)));
    }

    public Connection connect() throws SQLException {
        return TestServer.connect(name);
    }

    public void execute(String sql) {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new AssertionError("cannot run on " + name + ": " + sql, e);
        }
    }

    /** Each row as its columns joined with " | ". */
    public List<String> rows(String sql) {
        try (Connection c = connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            List<String> rows = new ArrayList<>();
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                List<String> values = new ArrayList<>();
                for (int i = 1; i <= columns; i++) {
                    values.add(String.valueOf(rs.getObject(i)));
                }
                rows.add(String.join(" | ", values));
            }
            return rows;
        } catch (SQLException e) {
            throw new AssertionError("cannot query " + name + ": " + sql, e);
        }
    }

    public String value(String sql) {
        List<String> rows = rows(sql);
        if (rows.size() != 1) {
            throw new AssertionError("expected one row from " + sql + " but got " + rows);
        }
        return rows.get(0);
    }

    /**
     * The application_name of the session that holds intel-migrate's migration lock on
     * schema public of this database ("intel-migrate upgrade@pod-1"), if one does.
     */
    public Optional<String> migrationLockHolder() {
        List<String> holders = rows("SELECT a.application_name FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid"
                + " WHERE l.locktype = 'advisory' AND l.granted AND l.objsubid = 2"
                + " AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())"
                + " AND l.classid::bigint = " + MigrationLock.CLASS_ID
                + " AND l.objid::bigint = " + MigrationLock.objectId("public"));
        return holders.stream().findFirst();
    }

    @Override
    public void close() {
        TestServer.dropDatabase(name);
    }
}
