package com.corpintel.migrate.it;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * baseline adopts a database the bundled scripts built but whose history is gone: it records
 * exactly the rows the upgrade had recorded (V2's checksum naming the branch), only when the
 * catalog agrees with the expected model of that version; drift is refused before anything is
 * written; afterwards validate passes, upgrade applies only what is above, downgrade stops there.
 */
class BaselineIT {

    private static final String HISTORY = "SELECT version, description, type, script, checksum, success"
            + " FROM flyway_schema_history ORDER BY installed_rank";

    private static Cli.Result ok(Map<String, String> env, String... args) {
        Cli.Result result = Cli.run(env, args);
        assertThat(result.exitCode()).as(String.join(" ", args) + "\n" + result).isZero();
        return result;
    }

    /**
     * A database the bundled scripts built up to {@code version} (a copy of what `upgrade
     * --target` built, see {@link DatabaseTemplate}), then stripped of the tool's tables.
     */
    private static TestDatabase builtThenStripped(String version, List<String> historyOut) {
        TestDatabase db = DatabaseTemplate.upgraded("--target", version).copy();
        historyOut.addAll(db.rows(HISTORY));
        strip(db);
        return db;
    }

    private static void strip(TestDatabase db) {
        db.execute("DROP TABLE flyway_schema_history; DROP TABLE intel_migrate_operations");
    }

    private static boolean exists(TestDatabase db, String table) {
        return Boolean.parseBoolean(db.value("SELECT to_regclass('public." + table + "') IS NOT NULL"));
    }

    @ParameterizedTest(name = "baseline --version {0}")
    @ValueSource(strings = {"1", "2", "3"})
    void baselineRecordsWhatTheUpgradeHadRecordedAndUpgradeAppliesOnlyWhatIsAbove(String version) {
        List<String> original = new java.util.ArrayList<>();
        try (TestDatabase db = builtThenStripped(version, original)) {
            List<String> catalog = CatalogFingerprint.of(db);

            Cli.Result dryRun = ok(db.env(), "baseline", "--version", version, "--dry-run");
            assertThat(dryRun.stdout()).contains("Dry run: baseline would record " + version + " migration",
                    "nothing was recorded", "The schema matched the expected model of V" + version);
            assertThat(exists(db, "flyway_schema_history")).as("a dry run writes no history").isFalse();
            assertThat(exists(db, "intel_migrate_operations")).isFalse();

            Cli.Result baseline = ok(db.env("HOSTNAME", "bastion-7"), "baseline", "--version", version);
            assertThat(baseline.stdout()).contains("Recorded " + version + " migration",
                    "baseline at V" + version, "Current version:        V" + version);
            // Exactly the rows the upgrade wrote: same types, scripts and checksums (V2's names its branch).
            assertThat(db.rows(HISTORY)).isEqualTo(original);
            assertThat(db.rows("SELECT version, direction, outcome, database_user, application_name,"
                    + " client_address IS NOT NULL, detail LIKE 'baseline to V" + version + ":%'"
                    + " FROM intel_migrate_operations ORDER BY id"))
                    .hasSize(Integer.parseInt(version))
                    .allSatisfy(row -> assertThat(row).endsWith("| upgrade | success | " + TestServer.user()
                            + " | intel-migrate baseline@bastion-7 | true | true"));
            assertThat(CatalogFingerprint.of(db)).as("no script ran").isEqualTo(catalog);

            // validate compares with the head: below it, only the pending versions (and what they build) fail.
            Cli.Result validate = Cli.run(db.env(), "validate");
            assertThat(validate.stdout()).containsPattern("passed +migration state +at V" + version + " .*, "
                    + version + " applied, no failures, checksums match");
            assertThat(validate.exitCode()).as(validate.toString()).isEqualTo(version.equals("3") ? 0 : 6);
            Cli.Result check = Cli.run(db.env(), "status", "--check");
            assertThat(check.exitCode()).as(check.toString()).isEqualTo(version.equals("3") ? 0 : 7);

            Cli.Result upgrade = ok(db.env(), "upgrade");
            int above = 3 - Integer.parseInt(version);
            if (above == 0) {
                assertThat(upgrade.stdout()).contains("Nothing to apply");
            } else {
                assertThat(upgrade.stdout()).contains("Applied " + above + " migration")
                        .doesNotContain("✓ V1 ").contains("✓ V3 ");
            }
            ok(db.env(), "validate");

            // The baseline is the floor: nothing at or below it is reverted.
            Cli.Result toZero = Cli.run(db.env(), "downgrade-to", "0", "--allow-data-loss");
            assertThat(toZero.exitCode()).as(toZero.toString()).isEqualTo(9);
            assertThat(toZero.stderr()).contains("below the baseline " + version);
            if (above > 0) {
                ok(db.env(), "downgrade-to", version, "--allow-data-loss");
                assertThat(db.value("SELECT max(version::int) FROM flyway_schema_history")).isEqualTo(version);
            }
            Cli.Result oneMore = Cli.run(db.env(), "downgrade", "--allow-data-loss");
            assertThat(oneMore.exitCode()).as(oneMore.toString()).isEqualTo(9);
            assertThat(oneMore.stderr()).contains("above the baseline " + version);
        }
    }

    @Test
    void driftOfEveryKindIsRefusedWithTheDifferencesListedAndNothingRecorded() {
        try (TestDatabase db = builtThenStripped("3", new java.util.ArrayList<>())) {
            Map<String, List<String>> drifts = new java.util.LinkedHashMap<>();
            drifts.put("CREATE TABLE stray (id int)|DROP TABLE stray", List.of("table stray: unexpected"));
            drifts.put("ALTER TABLE companies ADD COLUMN nickname text|ALTER TABLE companies DROP COLUMN nickname",
                    List.of("column companies.nickname: unexpected"));
            drifts.put("ALTER TABLE companies ALTER COLUMN sector TYPE text"
                            + "|ALTER TABLE companies ALTER COLUMN sector TYPE varchar(100)",
                    List.of("column companies.sector"));
            drifts.put("DROP INDEX idx_company_category|CREATE INDEX idx_company_category ON companies (category)",
                    List.of("index idx_company_category on companies: missing"));
            drifts.put("ALTER TABLE companies DROP CONSTRAINT uq_company_cik"
                            + "|ALTER TABLE companies ADD CONSTRAINT uq_company_cik UNIQUE (cik)",
                    List.of("constraint uq_company_cik on companies: missing"));
            drifts.put("DROP TRIGGER trg_companies_updated_at ON companies"
                            + "|CREATE TRIGGER trg_companies_updated_at BEFORE UPDATE ON companies"
                            + " FOR EACH ROW EXECUTE FUNCTION set_updated_at()",
                    List.of("trigger trg_companies_updated_at on companies: missing"));
            List<String> before = CatalogFingerprint.of(db);
            drifts.forEach((change, expected) -> {
                String[] sql = change.split("\\|");
                db.execute(sql[0]);
                Cli.Result refused = Cli.run(db.env(), "baseline", "--version", "3");
                assertThat(refused.exitCode()).as(sql[0] + "\n" + refused).isEqualTo(9);
                assertThat(refused.stderr()).contains("is not what the bundled migrations build at V3",
                        "nothing was recorded").contains(expected);
                assertThat(refused.stdout()).isEmpty();
                assertThat(exists(db, "flyway_schema_history")).as(sql[0]).isFalse();
                assertThat(exists(db, "intel_migrate_operations")).as(sql[0]).isFalse();
                db.execute(sql[1]);
            });
            assertThat(CatalogFingerprint.of(db)).as("the drifts were taken back").isEqualTo(before);

            // The wrong version is drift too: V1 has no daily_metrics_summary.
            Cli.Result wrongVersion = Cli.run(db.env(), "baseline", "--version", "1");
            assertThat(wrongVersion.exitCode()).as(wrongVersion.toString()).isEqualTo(9);
            assertThat(wrongVersion.stderr()).contains("build at V1", "daily_metrics_summary: unexpected");

            ok(db.env(), "baseline", "--version", "3");
        }
    }

    @Test
    void aDatabaseWithHistoryAnUnknownVersionAndAMigrationDirectoryAreRefused() {
        try (TestDatabase db = DatabaseTemplate.upgraded("--target", "1").copy()) {
            Cli.Result withHistory = Cli.run(db.env(), "baseline", "--version", "1");
            assertThat(withHistory.exitCode()).as(withHistory.toString()).isEqualTo(9);
            assertThat(withHistory.stderr()).contains("already has a migration history (1 entry, current V1)");

            strip(db);
            Cli.Result unknown = Cli.run(db.env(), "baseline", "--version", "7");
            assertThat(unknown.exitCode()).as(unknown.toString()).isEqualTo(9);
            assertThat(unknown.stderr()).contains("unknown version 7: the bundled versions are 1, 2, 3");

            Cli.Result json = ok(db.env(), "baseline", "--version", "1", "--dry-run", "-o", "json");
            assertThat(json.stdout()).contains("\"command\": \"baseline\"", "\"version\": \"1\"",
                    "\"dryRun\": true", "\"script\": \"V1__initial_schema.sql\"");
            assertThat(exists(db, "flyway_schema_history")).isFalse();

            MigrationDirectory dir = MigrationDirectory.create().forward("V1__one.sql", "CREATE TABLE one (id int);");
            Cli.Result directory = Cli.run(db.env(), "baseline", "--version", "1", "--migrations", dir.path());
            assertThat(directory.exitCode()).as(directory.toString()).isEqualTo(9);
            assertThat(directory.stderr()).contains("run it without --migrations");
            assertThat(exists(db, "flyway_schema_history")).isFalse();

            Cli.Result missing = Cli.run(db.env(), "baseline");
            assertThat(missing.exitCode()).isEqualTo(2);
            assertThat(missing.stderr()).contains("--version");
        }
    }
}
