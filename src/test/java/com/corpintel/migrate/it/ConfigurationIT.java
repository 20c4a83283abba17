package com.corpintel.migrate.it;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The binary reads its connection from each documented source, end to end. */
class ConfigurationIT {

    private static TestDatabase db;

    @BeforeAll
    static void createDatabase() {
        db = TestServer.createDatabase();
    }

    @AfterAll
    static void dropDatabase() {
        db.close();
    }

    private static void assertConnects(Map<String, String> env, String... args) {
        Cli.Result result = Cli.run(env, args);
        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.stdout()).contains("intel@" + TestServer.host() + ":" + TestServer.port() + "/" + db.name());
    }

    @Test
    void libpqVariablesAlone() {
        assertConnects(Map.of("PGHOST", TestServer.host(), "PGPORT", String.valueOf(TestServer.port()),
                "PGDATABASE", db.name(), "PGUSER", TestServer.user(), "PGPASSWORD", TestServer.password(),
                "PGSSLMODE", "disable"), "status");
    }

    @Test
    void jdbcUrlWithCredentialsInItsQuery() {
        assertConnects(Map.of("DATABASE_URL", "jdbc:postgresql://" + TestServer.host() + ":" + TestServer.port() + "/"
                + db.name() + "?user=" + TestServer.user() + "&password=" + TestServer.password()), "status");
    }

    @Test
    void postgresUrlAndQuarkusVariables() {
        assertConnects(Map.of("POSTGRES_URL", db.url(), "QUARKUS_DATASOURCE_PASSWORD", TestServer.password()), "status");
        assertConnects(Map.of("QUARKUS_DATASOURCE_JDBC_URL", "jdbc:postgresql://" + TestServer.host() + ":"
                        + TestServer.port() + "/" + db.name(),
                "QUARKUS_DATASOURCE_USERNAME", TestServer.user(),
                "QUARKUS_DATASOURCE_PASSWORD", TestServer.password()), "status");
    }

    @Test
    void theEntryOfAUrlListThatAnIndexedJobPodPicks() throws Exception {
        Path list = Files.createTempFile("intel-migrate-databases", ".txt");
        try {
            Files.writeString(list, "# tenant databases, one per completion index\n"
                    + "postgresql://" + TestServer.user() + "@" + TestServer.host() + ":1/not_this_one\n\n"
                    + db.url() + "\n");
            Map<String, String> password = Map.of("PGPASSWORD", TestServer.password());
            assertConnects(password, "status", "--url-list", list.toString(), "--url-index", "1");

            Cli.Result past = Cli.run(password, "status", "--url-list", list.toString(), "--url-index", "2");
            assertThat(past.exitCode()).as(past.toString()).isEqualTo(2);
            assertThat(past.stderr()).contains("--url-index 2 is not an entry of", "which has 2 entries");
        } finally {
            Files.delete(list);
        }
    }

    @Test
    void passwordFilesAsKubernetesMountsThem() throws Exception {
        Path secret = Files.createTempFile("intel-migrate-password", "");
        try {
            Files.writeString(secret, TestServer.password() + "\n");
            assertConnects(Map.of("DATABASE_URL", db.url(), "DATABASE_PASSWORD_FILE", secret.toString()), "status");
            assertConnects(Map.of("PGPASSWORD", "not-the-password"), "status", "--url", db.url(),
                    "--password-file", secret.toString());
        } finally {
            Files.delete(secret);
        }
        Cli.Result missing = Cli.run(Map.of("DATABASE_URL", db.url(), "DATABASE_PASSWORD_FILE", "/nonexistent/secret"),
                "status");
        assertThat(missing.exitCode()).isEqualTo(3);
        assertThat(missing.stderr()).contains("cannot read the password file /nonexistent/secret");
    }

    @Test
    void commandLineOptionsOverrideTheEnvironment() {
        assertConnects(Map.of("DATABASE_URL", "postgresql://nobody@127.0.0.1:1/nowhere",
                        "PGPASSWORD", TestServer.password()),
                "status", "--host", TestServer.host(), "--port", String.valueOf(TestServer.port()),
                "--database", db.name(), "--user", TestServer.user());
    }

    @Test
    void checkReportsReachabilityVersionTlsAndLatency() {
        Cli.Result result = Cli.run(db.env(), "check");
        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.stdout()).contains("passed", "connection", "server version", "PostgreSQL 15",
                "tls", "not encrypted", "latency", "round trip");
        Cli.Result down = Cli.run(Map.of("DATABASE_URL", "postgresql://intel@127.0.0.1:1/x"), "check", "-o", "json");
        assertThat(down.exitCode()).isEqualTo(3);
        assertThat(down.stdout()).contains("\"status\": \"failed\"", "\"status\": \"skipped\"");
    }

    @Test
    void schemaOptionPutsTablesAndHistoryIntoThatSchema() {
        Cli.Result result = Cli.run(db.env(), "upgrade", "--schema", "intel");
        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(db.value("SELECT to_regclass('intel.companies') IS NOT NULL AND to_regclass('intel.flyway_schema_history')"
                + " IS NOT NULL AND to_regclass('public.companies') IS NULL")).isEqualTo("true");
        Cli.Result status = Cli.run(db.env("INTEL_MIGRATE_SCHEMA", "intel"), "status", "--check");
        assertThat(status.exitCode()).as(status.toString()).isZero();
        assertThat(Cli.run(db.env(), "status", "--check").exitCode()).as("public is still empty").isEqualTo(7);
    }
}
