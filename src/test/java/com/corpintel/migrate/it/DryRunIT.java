package com.corpintel.migrate.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * --dry-run prints the statements the real run executes and changes nothing. The
 * proof: the printed script, run by psql on a second database, produces the same
 * catalog as the real command.
 */
class DryRunIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void upgradeDryRunChangesNothingAndItsScriptBuildsWhatTheRealUpgradeBuilds() throws Exception {
        TimescaleEdition edition = TestServer.edition();
        try (TestDatabase previewed = TestServer.createDatabase();
             TestDatabase replayed = TestServer.createDatabase();
             TestDatabase real = TestServer.createDatabase()) {
            List<String> empty = CatalogFingerprint.of(previewed);
            Cli.Result dryRun = Cli.run(previewed.env(), "upgrade", "--dry-run");
            assertThat(dryRun.exitCode()).as(dryRun.toString()).isZero();
            assertThat(dryRun.stdout())
                    .contains("-- Step 1 of 3: upgrade V1 initial schema", "-- Step 2 of 3: upgrade V2 timescale features",
                            "-- Step 3 of 3: upgrade V3 permission scopes")
                    .contains("TimescaleDB license on this server: " + edition.license + " (" + edition.branch
                            + " branch)")
                    .contains(edition.upgradeScript())
                    .contains("CREATE TABLE companies", "INSERT INTO permissions");
            assertThat(CatalogFingerprint.of(previewed)).isEqualTo(empty);
            assertThat(previewed.value("SELECT to_regclass('flyway_schema_history') IS NULL"
                    + " AND to_regclass('intel_migrate_operations') IS NULL")).isEqualTo("true");

            Psql.runScript(replayed, dryRun.stdout());
            assertThat(Cli.run(real.env(), "upgrade").exitCode()).isZero();
            assertThat(CatalogFingerprint.of(replayed)).isEqualTo(CatalogFingerprint.of(real));
        }
    }

    @Test
    void upgradeDryRunHonoursTheTargetAndListsStepsInJson() throws Exception {
        TimescaleEdition edition = TestServer.edition();
        try (TestDatabase db = TestServer.createDatabase()) {
            Cli.Result result = Cli.run(db.env(), "upgrade-to", "2", "--dry-run", "-o", "json");
            assertThat(result.exitCode()).as(result.toString()).isZero();
            JsonNode doc = JSON.readTree(result.stdout());
            assertThat(doc.get("dryRun").asBoolean()).isTrue();
            assertThat(doc.get("timescale").get("license").asText()).isEqualTo(edition.license);
            assertThat(doc.get("timescale").get("edition").asText()).isEqualTo(edition.branch);
            JsonNode steps = doc.get("steps");
            assertThat(steps).hasSize(2);
            assertThat(steps.get(0).get("version").asText()).isEqualTo("1");
            assertThat(steps.get(0).get("transactional").asBoolean()).isTrue();
            assertThat(steps.get(1).get("script").asText()).isEqualTo(edition.upgradeScript());
            assertThat(steps.get(1).get("sql").asText()).contains("CREATE MATERIALIZED VIEW daily_metrics_summary");
            assertThat(db.value("SELECT to_regclass('flyway_schema_history') IS NULL")).isEqualTo("true");
        }
    }

    @Test
    void downgradeDryRunChangesNothingAndItsScriptRevertsWhatTheRealDowngradeReverts() throws Exception {
        TimescaleEdition edition = TestServer.edition();
        try (TestDatabase previewed = TestServer.createDatabase();
             TestDatabase replayed = TestServer.createDatabase();
             TestDatabase real = TestServer.createDatabase()) {
            for (TestDatabase db : List.of(previewed, replayed, real)) {
                assertThat(Cli.run(db.env(), "upgrade").exitCode()).isZero();
            }
            List<String> head = CatalogFingerprint.of(previewed);
            List<String> history = previewed.rows("SELECT * FROM flyway_schema_history ORDER BY installed_rank");
            List<String> operations = previewed.rows("SELECT id FROM intel_migrate_operations ORDER BY id");

            Cli.Result dryRun = Cli.run(previewed.env(), "downgrade-to", "0", "--dry-run");
            assertThat(dryRun.exitCode()).as(dryRun.toString()).isZero();
            assertThat(dryRun.stdout())
                    .contains("-- Step 1 of 3: downgrade V3 permission scopes", "-- Step 3 of 3: downgrade V1 initial schema")
                    .contains(edition.undoScript())
                    .contains("-- WARNING, destroys data:");
            assertThat(CatalogFingerprint.of(previewed)).isEqualTo(head);
            assertThat(previewed.rows("SELECT * FROM flyway_schema_history ORDER BY installed_rank")).isEqualTo(history);
            assertThat(previewed.rows("SELECT id FROM intel_migrate_operations ORDER BY id")).isEqualTo(operations);

            Psql.runScript(replayed, dryRun.stdout());
            assertThat(Cli.run(real.env(), "downgrade-to", "0", "--allow-data-loss").exitCode()).isZero();
            assertThat(CatalogFingerprint.of(replayed)).isEqualTo(CatalogFingerprint.of(real));
        }
    }

    @Test
    void dryRunWithNothingToDoSaysSo() {
        try (TestDatabase db = DatabaseTemplate.upgraded().copy()) {
            Cli.Result result = Cli.run(db.env(), "upgrade", "--dry-run");
            assertThat(result.exitCode()).isZero();
            assertThat(result.stdout()).contains("Nothing to do");
        }
    }
}
