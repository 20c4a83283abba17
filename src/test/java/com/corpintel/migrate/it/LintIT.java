package com.corpintel.migrate.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** lint from the command line: no database needed, exit codes, formats, applied versions, and upgrade --lint. */
class LintIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String HISTORY = "SELECT coalesce(to_regclass('flyway_schema_history')::text, 'none')";

    /** V2 passes on the empty test database but fails on a populated one: the case lint exists for. */
    private static MigrationDirectory notNullWithoutDefault() {
        return MigrationDirectory.create()
                .forward("V1__tables.sql", "CREATE TABLE t (x int);\n")
                .undo("U1__tables.sql", "-- data-loss: t\nDROP TABLE t;\n")
                .forward("V2__required_y.sql", "ALTER TABLE t ADD COLUMN y int NOT NULL;\n")
                .undo("U2__required_y.sql", "-- data-loss: t.y\nALTER TABLE t DROP COLUMN y;\n");
    }

    @Test
    void withNothingConfiguredTheBundledScriptsLintCleanWithoutAnyConnection() throws Exception {
        Cli.Result text = Cli.run(Map.of(), "lint");

        assertThat(text.exitCode()).as(text.toString()).isZero();
        assertThat(text.stdout()).startsWith("9 scripts checked, 0 with findings: 0 errors, 0 warnings, 0 info (")
                .contains("suppressed)");
        assertThat(text.stderr()).isEmpty();

        // A configured but unreachable database is not asked with --include-applied.
        Cli.Result json = Cli.run(Map.of("DATABASE_URL", "postgresql://nobody@127.0.0.1:1/none"),
                "lint", "--include-applied", "-o", "json");
        assertThat(json.exitCode()).as(json.toString()).isZero();
        JsonNode doc = JSON.readTree(json.stdout());
        assertThat(doc.get("command").asText()).isEqualTo("lint");
        assertThat(doc.get("scripts")).hasSize(9);
        assertThat(doc.get("findings")).isEmpty();
        assertThat(doc.get("failed").asBoolean()).isFalse();
    }

    @Test
    void anErrorExits6AWarningOnlyWithStrict() {
        MigrationDirectory warning = MigrationDirectory.create()
                .forward("V1__tables.sql", "CREATE TABLE t (x int);\n")
                .undo("U1__tables.sql", "-- data-loss: t\nDROP TABLE t;\n")
                .forward("V2__index.sql", "CREATE INDEX i ON t (x);\n")
                .undo("U2__index.sql", "DROP INDEX CONCURRENTLY i;\n")
                .nonTransactional("undo", "U2__index.sql");

        Cli.Result relaxed = Cli.run(Map.of(), "lint", "--migrations", warning.path());
        Cli.Result strict = Cli.run(Map.of(), "lint", "--migrations", warning.path(), "--strict");
        Cli.Result error = Cli.run(Map.of(), "lint", "--migrations", notNullWithoutDefault().path());

        assertThat(relaxed.exitCode()).as(relaxed.toString()).isZero();
        assertThat(relaxed.stdout()).contains(warning.path() + "/migration/V2__index.sql\n  1:1  warning  require-concurrent-index");
        assertThat(strict.exitCode()).as(strict.toString()).isEqualTo(6);
        assertThat(error.exitCode()).as(error.toString()).isEqualTo(6);
        assertThat(error.stdout()).contains("V2__required_y.sql\n  1:26  error    not-null-column-without-default");
    }

    @Test
    void aMalformedScriptIsAFindingNeverACrash() {
        MigrationDirectory set = MigrationDirectory.create()
                .forward("add_index.sql", "SELECT 1;\n")
                .forward("V1__open.sql", "SELECT 'never closed;\n");

        Cli.Result result = Cli.run(Map.of(), "lint", "--migrations", set.path());

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(6);
        assertThat(result.stdout()).contains("malformed-script  'add_index.sql' is no migration file name",
                "malformed-script  unterminated quoted string");
        assertThat(result.stderr()).isEmpty();
    }

    @Test
    void scriptsTheConfiguredDatabaseHasAppliedAreNotReported() {
        MigrationDirectory set = MigrationDirectory.create()
                .forward("V1__tables.sql", "CREATE TABLE t (x int, at timestamp);\n")
                .undo("U1__tables.sql", "-- data-loss: t\nDROP TABLE t;\n")
                .forward("V2__more.sql", "CREATE TABLE u (at timestamp);\n")
                .undo("U2__more.sql", "-- data-loss: u\nDROP TABLE u;\n");
        try (TestDatabase db = TestServer.createDatabase()) {
            Cli.Result up = Cli.run(db.env(), "upgrade", "--target", "1", "--migrations", set.path(), "--lint", "off");
            assertThat(up.exitCode()).as(up.toString()).isZero();

            Cli.Result applied = Cli.run(db.env(), "lint", "--migrations", set.path());
            Cli.Result all = Cli.run(db.env(), "lint", "--migrations", set.path(), "--include-applied");

            assertThat(applied.exitCode()).as(applied.toString()).isZero();
            assertThat(applied.stdout()).contains("V2__more.sql").doesNotContain("V1__tables.sql");
            assertThat(all.stdout()).contains("V1__tables.sql", "V2__more.sql");
        }
    }

    @Test
    void githubAndSarifFormatsAreWhatTheirConsumersRead() throws Exception {
        String dir = notNullWithoutDefault().path();

        Cli.Result github = Cli.run(Map.of(), "lint", "--migrations", dir, "--format", "github");
        Cli.Result sarif = Cli.run(Map.of(), "lint", "--migrations", dir, "--format", "sarif");

        assertThat(github.exitCode()).isEqualTo(6);
        assertThat(github.stdout()).isEqualTo("::error file=" + dir + "/migration/V2__required_y.sql,line=1,col=26,"
                + "title=intel-migrate lint%3A not-null-column-without-default::adding NOT NULL column y to t without a"
                + " default fails when the table holds any row. Fix: add it with a DEFAULT (a constant is not a"
                + " rewrite), or nullable, backfill, then enforce NOT NULL with a NOT VALID check\n");
        JsonNode log = JSON.readTree(sarif.stdout());
        assertThat(log.get("version").asText()).isEqualTo("2.1.0");
        JsonNode result = log.get("runs").get(0).get("results").get(0);
        assertThat(result.get("ruleId").asText()).isEqualTo("not-null-column-without-default");
        assertThat(result.get("locations").get(0).get("physicalLocation").get("region").get("startColumn").asInt())
                .isEqualTo(26);
    }

    @Test
    void upgradeLintsThePendingScriptsFirstAndStrictRefusesBeforeAnyChange() {
        String dir = notNullWithoutDefault().path();
        try (TestDatabase db = TestServer.createDatabase()) {
            Cli.Result refused = Cli.run(db.env(), "upgrade", "--migrations", dir, "--lint=strict");

            assertThat(refused.exitCode()).as(refused.toString()).isEqualTo(9);
            assertThat(refused.stderr()).contains("intel-migrate: lint: " + dir + "/migration/V2__required_y.sql:1:26:"
                    + " error not-null-column-without-default: ", "--lint=strict", "nothing was changed");
            assertThat(db.value(HISTORY)).as("no history table: nothing ran").isEqualTo("none");

            Cli.Result plan = Cli.run(db.env(), "upgrade", "--migrations", dir, "--dry-run");
            assertThat(plan.exitCode()).as(plan.toString()).isZero();
            assertThat(plan.stderr()).contains("lint: " + dir + "/migration/V2__required_y.sql:1:26");

            Cli.Result warned = Cli.run(db.env(), "upgrade", "--migrations", dir);
            assertThat(warned.exitCode()).as(warned.toString()).isZero();
            assertThat(warned.stderr()).contains("lint: " + dir + "/migration/V2__required_y.sql:1:26");
            assertThat(db.value("SELECT max(version) FROM flyway_schema_history")).isEqualTo("2");

            Cli.Result upToDate = Cli.run(db.env(), "upgrade", "--migrations", dir, "--lint=strict");
            assertThat(upToDate.exitCode()).as("applied scripts are not linted again: " + upToDate).isZero();
            assertThat(upToDate.stderr()).doesNotContain("lint:");
        }
    }

    @Test
    void aStockUpgradeOfTheBundledScriptsPrintsNoLintFindings() {
        try (TestDatabase db = TestServer.createDatabase()) {
            Cli.Result up = Cli.run(db.env(), "upgrade", "--lint=strict");

            assertThat(up.exitCode()).as(up.toString()).isZero();
            assertThat(up.stderr()).doesNotContain("lint:");
        }
    }
}
