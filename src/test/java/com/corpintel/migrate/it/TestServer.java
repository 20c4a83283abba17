package com.corpintel.migrate.it;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;

/**
 * The real PostgreSQL the project's own script runs (scripts/localdb). Its URL
 * comes from INTEL_TEST_DATABASE_URL or from `scripts/localdb url`; each test gets
 * databases of its own, dropped afterwards.
 */
public final class TestServer {

    private static volatile String adminUrl;
    private static volatile TimescaleEdition edition;

    private TestServer() {
    }

    /** libpq URL of the maintenance database, with the dev credentials. */
    public static String adminUrl() {
        if (adminUrl == null) {
            String fromEnv = System.getenv("INTEL_TEST_DATABASE_URL");
            adminUrl = fromEnv != null && !fromEnv.isBlank() ? fromEnv.strip() : script("url");
        }
        return adminUrl;
    }

    public static URI adminUri() {
        return URI.create(adminUrl());
    }

    public static String host() {
        return adminUri().getHost();
    }

    public static int port() {
        return adminUri().getPort();
    }

    public static String user() {
        return adminUri().getUserInfo().split(":", 2)[0];
    }

    public static String password() {
        return adminUri().getUserInfo().split(":", 2)[1];
    }

    public static Connection connect(String database) throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://" + host() + ":" + port() + "/" + database,
                user(), password());
    }

    /**
     * The server's TimescaleDB license, read once. The setting exists only where the
     * extension is loaded, so it is read in a scratch database that has it.
     */
    static TimescaleEdition edition() {
        if (edition == null) {
            try (TestDatabase scratch = createDatabase()) {
                scratch.execute("CREATE EXTENSION IF NOT EXISTS timescaledb");
                edition = TimescaleEdition.ofLicense(scratch.value("SHOW timescaledb.license"));
            }
        }
        return edition;
    }

    public static TestDatabase createDatabase() {
        return createDatabase(null);
    }

    /** A new database copied from {@code template} (see {@link DatabaseTemplate}), or an empty one when null. */
    static TestDatabase createDatabase(String template) {
        String name = "it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toLowerCase(Locale.ROOT);
        try (Connection c = connect(adminUri().getPath().substring(1)); Statement s = c.createStatement()) {
            if (template != null) {
                awaitNoSessions(s, template);
            }
            s.execute("CREATE DATABASE " + name + (template == null ? "" : " TEMPLATE " + template));
        } catch (SQLException e) {
            throw new AssertionError("cannot create test database " + name + " on " + host() + ":" + port()
                    + (template == null ? "" : " from template " + template) + " (is scripts/localdb start running?)",
                    e);
        }
        return new TestDatabase(name);
    }

    /**
     * Lets no session connect to {@code database} any more (TimescaleDB's launcher starts no
     * scheduler there either), ends those that are connected, and waits until they are gone.
     */
    static void closeToConnections(String database) {
        try (Connection c = connect(adminUri().getPath().substring(1)); Statement s = c.createStatement()) {
            s.execute("ALTER DATABASE " + database + " WITH ALLOW_CONNECTIONS false");
            s.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + database + "'");
            awaitNoSessions(s, database);
        } catch (SQLException e) {
            throw new AssertionError("cannot close " + database + " to connections", e);
        }
    }

    private static void awaitNoSessions(Statement s, String database) throws SQLException {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(60);
        String query = "SELECT count(*) FROM pg_stat_activity WHERE datname = '" + database + "'";
        while (true) {
            try (java.sql.ResultSet rs = s.executeQuery(query)) {
                rs.next();
                if (rs.getInt(1) == 0) {
                    return;
                }
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("sessions are still connected to " + database + " after 60 s");
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    static void dropDatabase(String name) {
        try (Connection c = connect(adminUri().getPath().substring(1)); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        } catch (SQLException e) {
            throw new AssertionError("cannot drop test database " + name, e);
        }
    }

    /** Runs scripts/localdb with arguments and returns its stdout, failing loudly. */
    public static String script(String... args) {
        return script(java.util.Map.of(), args);
    }

    public static String script(java.util.Map<String, String> env, String... args) {
        Path project = Path.of(System.getProperty("intel-migrate.project-dir", "."));
        java.util.List<String> command = new java.util.ArrayList<>();
        command.add(project.resolve("scripts/localdb").toString());
        command.addAll(java.util.List.of(args));
        try {
            ProcessBuilder builder = new ProcessBuilder(command);
            builder.environment().putAll(env);
            Process process = builder.start();
            byte[][] output = Cli.drain(process);
            int exit = process.waitFor();
            String stdout = new String(output[0], StandardCharsets.UTF_8).strip();
            if (exit != 0) {
                throw new AssertionError("scripts/localdb " + String.join(" ", args) + " exited " + exit + ":\n"
                        + stdout + "\n" + new String(output[1], StandardCharsets.UTF_8));
            }
            return stdout;
        } catch (IOException e) {
            throw new AssertionError("cannot run scripts/localdb", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
