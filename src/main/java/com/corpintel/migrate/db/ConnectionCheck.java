package com.corpintel.migrate.db;

import com.corpintel.migrate.Failure;
import com.corpintel.migrate.report.Check;
import com.corpintel.migrate.report.CheckReport;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The `check` command's report: reachability, authentication, server version, TLS, round-trip latency. */
public final class ConnectionCheck {

    private static final int LATENCY_SAMPLES = 5;

    private ConnectionCheck() {
    }

    public static CheckReport run(Database database) {
        List<Check> checks = new ArrayList<>();
        String where = database.connection().describe();
        long started = System.nanoTime();
        Connection connection;
        try {
            connection = database.connect();
        } catch (Failure e) {
            checks.add(Check.failed("connection", e.getMessage(),
                    "check host, port, credentials and sslmode (see `intel-migrate --help` for the sources)"));
            checks.add(Check.skipped("server version", "not connected"));
            checks.add(Check.skipped("tls", "not connected"));
            checks.add(Check.skipped("latency", "not connected"));
            return new CheckReport("check", where, checks);
        }
        try (connection) {
            long connectMillis = (System.nanoTime() - started) / 1_000_000;
            checks.add(Check.passed("connection", "connected to " + where + " and authenticated in "
                    + connectMillis + " ms (configured from " + database.connection().origin() + ")"));
            ServerInfo server = ServerInfo.read(connection);
            String role = server.inRecovery() ? "standby (read-only)" : server.readOnly() ? "primary, session read-only"
                    : "primary, read-write";
            if (server.versionNumber() >= ServerInfo.MINIMUM_VERSION_NUMBER) {
                checks.add(Check.passed("server version", "PostgreSQL " + server.version() + ", " + role));
            } else {
                checks.add(Check.failed("server version", "PostgreSQL " + server.version() + " is older than 14",
                        "upgrade the server to PostgreSQL 14 or newer"));
            }
            if (server.sslCipher() != null) {
                checks.add(Check.passed("tls", server.sslVersion() + " " + server.sslCipher()));
            } else {
                checks.add(Check.passed("tls", "not encrypted (sslmode=" + database.connection().sslMode()
                        + "); use sslmode=verify-full across untrusted networks"));
            }
            checks.add(Check.passed("latency", latency(connection)));
        } catch (SQLException e) {
            checks.add(Check.failed("session", SqlFailures.serverMessage(e), "see the server log"));
        }
        return new CheckReport("check", where, checks);
    }

    private static String latency(Connection connection) throws SQLException {
        long[] samples = new long[LATENCY_SAMPLES];
        try (Statement statement = connection.createStatement()) {
            for (int i = 0; i < samples.length; i++) {
                long start = System.nanoTime();
                statement.execute("SELECT 1");
                samples[i] = System.nanoTime() - start;
            }
        }
        Arrays.sort(samples);
        return String.format(java.util.Locale.ROOT, "round trip %.2f ms median of %d (min %.2f, max %.2f)",
                samples[samples.length / 2] / 1e6, samples.length, samples[0] / 1e6, samples[samples.length - 1] / 1e6);
    }
}
