package com.corpintel.migrate.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** --target, upgrade-to, current, history and status --check, in text and JSON, step by step. */
class VersionTargetIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private TestDatabase db;

    @BeforeEach
    void createDatabase() {
        db = TestServer.createDatabase();
    }

    @AfterEach
    void dropDatabase() {
        db.close();
    }

    /** Starts from a copy of what `upgrade ARGS` built (see {@link DatabaseTemplate}) instead of the empty database. */
    private void startUpgraded(String... upgradeArgs) {
        db.close();
        db = DatabaseTemplate.upgraded(upgradeArgs).copy();
    }

    @Test
    void currentOfAnEmptyDatabaseIsZeroAndStatusCheckReportsEverythingPending() throws Exception {
        Cli.Result current = Cli.run(db.env(), "current");
        assertThat(current.exitCode()).as(current.toString()).isZero();
        assertThat(current.stdout()).isEqualTo("0\n");

        Cli.Result check = Cli.run(db.env(), "status", "--check");
        assertThat(check.exitCode()).as(check.toString()).isEqualTo(7);
        assertThat(check.stdout()).contains("Pending:", "3: V1 initial schema, V2 timescale features, V3 permission scopes");

        Cli.Result json = Cli.run(db.env(), "status", "--check", "--output", "json");
        assertThat(json.exitCode()).isEqualTo(7);
        JsonNode doc = JSON.readTree(json.stdout());
        assertThat(doc.get("command").asText()).isEqualTo("status");
        assertThat(doc.get("current").isNull()).isTrue();
        assertThat(doc.get("head").asText()).isEqualTo("3");
        assertThat(doc.get("upToDate").asBoolean()).isFalse();
        assertThat(doc.get("pending")).hasSize(3);
        assertThat(doc.get("pending").get(0).get("version").asText()).isEqualTo("1");
        assertThat(db.rows("SELECT to_regclass('flyway_schema_history')::text")).containsExactly("null");
    }

    @Test
    void upgradeWithTargetStopsThereAndUpgradeToContinues() throws Exception {
        Cli.Result first = Cli.run(db.env(), "upgrade", "--target", "1");
        assertThat(first.exitCode()).as(first.toString()).isZero();
        assertThat(first.stdout()).contains("Applied 1 migration").contains("V1 initial schema")
                .doesNotContain("✓ V2");
        assertThat(Cli.run(db.env(), "current").stdout()).isEqualTo("1\n");
        assertThat(db.value("SELECT to_regclass('daily_metrics_summary') IS NULL")).isEqualTo("true");

        Cli.Result pending = Cli.run(db.env(), "status", "--check");
        assertThat(pending.exitCode()).isEqualTo(7);
        assertThat(pending.stdout()).contains("2: V2 timescale features, V3 permission scopes");

        Cli.Result second = Cli.run(db.env(), "upgrade-to", "2", "-o", "json");
        assertThat(second.exitCode()).as(second.toString()).isZero();
        JsonNode upgrade = JSON.readTree(second.stdout());
        assertThat(upgrade.get("command").asText()).isEqualTo("upgrade");
        assertThat(upgrade.get("before").asText()).isEqualTo("1");
        assertThat(upgrade.get("target").asText()).isEqualTo("2");
        assertThat(upgrade.get("applied")).hasSize(1);
        assertThat(upgrade.get("applied").get(0).get("version").asText()).isEqualTo("2");
        TimescaleEdition edition = TestServer.edition();
        assertThat(upgrade.get("timescale").get("license").asText()).isEqualTo(edition.license);
        assertThat(upgrade.get("timescale").get("edition").asText()).isEqualTo(edition.branch);
        assertThat(upgrade.get("status").get("current").asText()).isEqualTo("2");
        assertThat(upgrade.get("status").get("pending")).hasSize(1);

        Cli.Result currentJson = Cli.run(db.env(), "current", "--output", "json");
        JsonNode current = JSON.readTree(currentJson.stdout());
        assertThat(current.get("version").asText()).isEqualTo("2");
        assertThat(current.get("migration").get("description").asText()).isEqualTo("timescale features");

        Cli.Result verbose = Cli.run(db.env(), "current", "--verbose");
        assertThat(verbose.stdout()).startsWith("2 timescale features — applied ").contains(" by intel@");
    }

    @Test
    void historyListsAppliedAndPendingMigrationsInTextAndJson() throws Exception {
        startUpgraded("--target", "2");

        Cli.Result text = Cli.run(db.env(), "history");
        assertThat(text.exitCode()).as(text.toString()).isZero();
        assertThat(text.stdout().lines().filter(l -> l.matches("^[123] .*")).toList())
                .hasSize(3)
                .satisfies(lines -> {
                    assertThat(lines.get(0)).contains("initial schema", "success", "intel@");
                    assertThat(lines.get(1)).contains("timescale features", "success");
                    assertThat(lines.get(2)).contains("permission scopes", "pending");
                });

        Cli.Result verbose = Cli.run(db.env(), "history", "--verbose");
        assertThat(verbose.stdout()).contains("RANK", "SCRIPT", "V1__initial_schema.sql");

        JsonNode doc = JSON.readTree(Cli.run(db.env(), "history", "-o", "json").stdout());
        JsonNode migrations = doc.get("migrations");
        assertThat(migrations).hasSize(3);
        assertThat(migrations.get(0).get("state").asText()).isEqualTo("success");
        assertThat(migrations.get(0).get("installedOn").asText()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
        assertThat(migrations.get(0).get("executionMillis").isInt()).isTrue();
        assertThat(migrations.get(0).get("checksum").isInt()).isTrue();
        assertThat(migrations.get(2).get("state").asText()).isEqualTo("pending");
        assertThat(migrations.get(2).get("installedOn").isNull()).isTrue();
    }

    @Test
    void statusCheckPassesOnceEverythingIsApplied() throws Exception {
        startUpgraded();
        Cli.Result check = Cli.run(db.env(), "status", "--check", "-o", "json");
        assertThat(check.exitCode()).as(check.toString()).isZero();
        JsonNode doc = JSON.readTree(check.stdout());
        assertThat(doc.get("upToDate").asBoolean()).isTrue();
        assertThat(doc.get("applied").asInt()).isEqualTo(3);
        assertThat(doc.get("pending")).isEmpty();
    }

    @Test
    void statusCheckFailsWithCode6WhenAnAppliedChecksumNoLongerMatches() {
        startUpgraded();
        db.execute("UPDATE flyway_schema_history SET checksum = checksum + 1 WHERE version = '3'");
        Cli.Result check = Cli.run(db.env(), "status", "--check");
        assertThat(check.exitCode()).as(check.toString()).isEqualTo(6);
        assertThat(check.stdout()).contains("Problem:", "V3 permission scopes");

        Cli.Result upgrade = Cli.run(db.env(), "upgrade");
        assertThat(upgrade.exitCode()).as(upgrade.toString()).isEqualTo(6);
    }

    @Test
    void aTargetBelowTheCurrentVersionIsRefusedWithoutChanges() {
        startUpgraded();
        Cli.Result below = Cli.run(db.env(), "upgrade-to", "1");
        assertThat(below.exitCode()).as(below.toString()).isEqualTo(9);
        assertThat(below.stderr()).contains("below the current version 3").contains("downgrade-to");
        assertThat(Cli.run(db.env(), "current").stdout()).isEqualTo("3\n");
    }
}
