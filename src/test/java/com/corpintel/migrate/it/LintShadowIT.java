package com.corpintel.migrate.it;

import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** lint --shadow on the real server: rewrites and locks observed, and no temporary database left behind. */
class LintShadowIT {

    private static final Pattern CREATED = Pattern.compile("shadow database (intel_lint_shadow_\\w+) created");
    private static final Map<String, String> ENV = Map.of("PGPASSWORD", TestServer.password());

    private static String devUrl() {
        return "postgresql://" + TestServer.user() + "@" + TestServer.host() + ":" + TestServer.port() + "/"
                + TestServer.adminUri().getPath().substring(1);
    }

    private static MigrationDirectory withV2(String v1, String v2) {
        return MigrationDirectory.create()
                .forward("V1__tables.sql", v1)
                .undo("U1__tables.sql", "-- data-loss: t\nDROP TABLE t;\n")
                .forward("V2__change.sql", v2)
                .undo("U2__change.sql", "SELECT 1;\n");
    }

    private static final String TABLE = "CREATE TABLE t (id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,"
            + " x integer NOT NULL, note text);\n";

    private static List<String> databases(String like) {
        try (Connection c = TestServer.connect(TestServer.adminUri().getPath().substring(1));
             PreparedStatement p = c.prepareStatement("SELECT datname FROM pg_database WHERE datname LIKE ?")) {
            p.setString(1, like);
            List<String> names = new ArrayList<>();
            try (ResultSet r = p.executeQuery()) {
                while (r.next()) {
                    names.add(r.getString(1));
                }
            }
            return names;
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
    }

    private static String shadowDatabase(Cli.Result result) {
        Matcher m = CREATED.matcher(result.stderr());
        assertThat(m.find()).as("names its shadow database: " + result).isTrue();
        return m.group(1);
    }

    @Test
    void aTypeChangeOnAPopulatedTableIsSeenToRewriteItUnderAccessExclusive() {
        MigrationDirectory set = withV2(TABLE, "ALTER TABLE t ALTER COLUMN x TYPE bigint;\n");

        Cli.Result result = Cli.run(ENV, "lint", "--migrations", set.path(), "--since", "1", "--shadow",
                "--dev-url", devUrl(), "--sample-rows", "200", "--lock-threshold", "0s");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.stderr()).containsPattern("shadow: \\S+/migration/V2__change.sql:1  ALTER TABLE t ALTER"
                + " COLUMN x TYPE bigint;  lock: t AccessExclusiveLock  rewrite: yes \\(t\\)  \\d+ ms");
        assertThat(result.stderr()).contains("200 sample rows in each of 1 tables");
        assertThat(result.stdout()).contains("shadow-rewrite  rewrote t", "shadow-exclusive-lock  held ACCESS EXCLUSIVE on t",
                "column-type-change");
        assertThat(databases(shadowDatabase(result))).as("dropped").isEmpty();
    }

    @Test
    void theJsonDocumentSaysPerStatementLockRewriteAndDuration() throws Exception {
        MigrationDirectory set = withV2(TABLE, "ALTER TABLE t ALTER COLUMN x TYPE bigint;\nALTER TABLE t ADD COLUMN z text;\n");

        Cli.Result result = Cli.run(ENV, "lint", "--migrations", set.path(), "--since", "1", "--shadow",
                "--dev-url", devUrl(), "-o", "json");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        var shadow = new com.fasterxml.jackson.databind.ObjectMapper().readTree(result.stdout()).get("shadow");
        assertThat(shadow.get("database").asText()).startsWith("intel_lint_shadow_");
        var statements = shadow.get("statements");
        assertThat(statements).hasSize(2);
        assertThat(statements.get(0).get("line").asInt()).isEqualTo(1);
        assertThat(statements.get(0).get("locks").get(0).asText()).isEqualTo("t AccessExclusiveLock");
        assertThat(statements.get(0).get("rewritten").get(0).asText()).isEqualTo("t");
        assertThat(statements.get(0).get("millis").isIntegralNumber()).isTrue();
        assertThat(statements.get(1).get("rewritten")).as("adding a nullable column rewrites nothing").isEmpty();
        assertThat(statements.get(1).get("failure").isNull()).isTrue();
        assertThat(databases(shadow.get("database").asText())).as("dropped").isEmpty();
    }

    @Test
    void aStatementThatFailsOnlyOnAPopulatedTableIsAnErrorAndTheDatabaseIsDroppedAfterTheFailure() {
        MigrationDirectory set = withV2(TABLE, "ALTER TABLE t ADD COLUMN y integer NOT NULL;\n");

        Cli.Result result = Cli.run(ENV, "lint", "--migrations", set.path(), "--since", "1", "--shadow",
                "--dev-url", devUrl());

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(6);
        assertThat(result.stdout()).contains("shadow-fails-populated  fails on the populated shadow database, though"
                + " it passes on an empty one");
        assertThat(databases(shadowDatabase(result))).as("dropped").isEmpty();
    }

    @Test
    void anEarlierScriptThatFailsEndsTheRunAndDropsTheDatabase() {
        MigrationDirectory set = withV2("CREATE TABLE t (x no_such_type);\n", "ALTER TABLE t ADD COLUMN y int;\n");

        Cli.Result result = Cli.run(ENV, "lint", "--migrations", set.path(), "--since", "1", "--shadow",
                "--dev-url", devUrl());

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(5);
        assertThat(result.stderr()).contains("V1__tables.sql failed on the shadow database", "no_such_type");
        assertThat(databases(shadowDatabase(result))).as("dropped").isEmpty();
    }

    @Test
    void ctrlCWhileAStatementRunsDropsTheDatabase() throws Exception {
        MigrationDirectory set = withV2(TABLE + "SELECT pg_sleep(600);\n", "ALTER TABLE t ADD COLUMN y int;\n");

        try (CliProcess lint = CliProcess.start(ENV, "lint", "--migrations", set.path(), "--since", "1", "--shadow",
                "--dev-url", devUrl())) {
            String pattern = "intel_lint_shadow_" + lint.pid() + "_%";
            Eventually.until("the shadow run to be sleeping in V1", Duration.ofSeconds(60), () -> sleeping(pattern),
                    lint::toString);

            new ProcessBuilder("kill", "-INT", String.valueOf(lint.pid())).start().waitFor();
            Cli.Result result = lint.finish(Duration.ofSeconds(60));

            assertThat(result.exitCode()).as(result.toString()).isNotZero();
            assertThat(result.stderr()).containsPattern("shadow database intel_lint_shadow_\\w+ dropped");
            assertThat(databases(pattern)).as("no shadow database left: " + result).isEmpty();
        }
    }

    private static boolean sleeping(String pattern) {
        try (Connection c = TestServer.connect(TestServer.adminUri().getPath().substring(1));
             PreparedStatement p = c.prepareStatement("SELECT count(*) FROM pg_stat_activity WHERE datname LIKE ?"
                     + " AND query LIKE '%pg_sleep(600)%' AND state = 'active'")) {
            p.setString(1, pattern);
            try (ResultSet r = p.executeQuery()) {
                return r.next() && r.getInt(1) > 0;
            }
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
    }
}
