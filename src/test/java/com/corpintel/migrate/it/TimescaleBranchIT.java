package com.corpintel.migrate.it;

import com.corpintel.migrate.migrate.BundledResources;
import com.corpintel.migrate.migrate.TimescaleFeaturesMigration;
import com.corpintel.migrate.timescale.Edition;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which TimescaleDB branch V2 ran is recorded (history checksum and operations log) and
 * outranks the server's license; the community branch's aggregate gets its history.
 * Expectations come from SHOW timescaledb.license: every test runs on either edition.
 * A branch other than the server's is simulated by rewriting what the history records.
 */
class TimescaleBranchIT {

    private static final BundledResources RESOURCES = BundledResources.standard();
    private static final String V2_CHECKSUM = "SELECT checksum FROM flyway_schema_history WHERE version = '2'";
    private static final String REFRESHES = "SELECT count(*) FROM intel_migrate_operations"
            + " WHERE version = '2' AND description = 'initial refresh of daily_metrics_summary' AND outcome = 'success'";

    private static Edition liveEdition(TestDatabase db) {
        return "timescale".equals(db.value("SHOW timescaledb.license")) ? Edition.COMMUNITY : Edition.APACHE;
    }

    private static Edition other(Edition edition) {
        return edition == Edition.COMMUNITY ? Edition.APACHE : Edition.COMMUNITY;
    }

    private static int checksum(Edition edition) {
        return TimescaleFeaturesMigration.checksum(edition, RESOURCES);
    }

    /** A copy of a database the binary's `upgrade` brought to the head (what that upgrade recorded included). */
    private static TestDatabase upgraded() {
        return DatabaseTemplate.upgraded().copy();
    }

    /** The operations log refuses UPDATE; its owner can lift that for a simulation. */
    private static void rewriteLog(TestDatabase db, String update) {
        db.execute("ALTER TABLE intel_migrate_operations DISABLE TRIGGER intel_migrate_operations_no_update;"
                + update + ";"
                + "ALTER TABLE intel_migrate_operations ENABLE TRIGGER intel_migrate_operations_no_update");
    }

    @Test
    void anUpgradeRecordsTheBranchItRanByChecksumAndInTheOperationsLog() {
        try (TestDatabase db = upgraded()) {
            Edition live = liveEdition(db);

            assertThat(db.value(V2_CHECKSUM)).isEqualTo(String.valueOf(checksum(live)))
                    .isNotEqualTo(String.valueOf(checksum(other(live))))
                    .isNotEqualTo(String.valueOf(TimescaleFeaturesMigration.CHECKSUM_OF_BOTH_BRANCHES));
            assertThat(db.rows("SELECT detail FROM intel_migrate_operations WHERE version = '2'"
                    + " AND description = 'timescale features' ORDER BY id"))
                    .containsExactly("timescale edition: " + live.resourceName);
            // The other steps record no edition; V1 records only the extensions it created.
            assertThat(db.rows("SELECT version, detail FROM intel_migrate_operations"
                    + " WHERE description <> 'timescale features' AND version <> '2' ORDER BY id"))
                    .containsExactly("1 | created extensions: timescaledb, vector, uuid-ossp", "3 | null");

            Cli.Result check = Cli.run(db.env(), "status", "--check");
            assertThat(check.exitCode()).as(check.toString()).isZero();
        }
    }

    @Test
    void theChecksumOfBinariesBeforeTheRecordStaysValidAndTheCatalogTellsTheBranch() {
        try (TestDatabase db = upgraded()) {
            Edition live = liveEdition(db);
            // What the released binary left: the combined checksum, and no detail in the log.
            db.execute("UPDATE flyway_schema_history SET checksum = "
                    + TimescaleFeaturesMigration.CHECKSUM_OF_BOTH_BRANCHES + " WHERE version = '2'");
            rewriteLog(db, "UPDATE intel_migrate_operations SET detail = NULL WHERE version = '2'");

            Cli.Result check = Cli.run(db.env(), "status", "--check");
            assertThat(check.exitCode()).as(check.toString()).isZero();
            Cli.Result validate = Cli.run(db.env(), "validate");
            assertThat(validate.stdout()).contains("checksums match").doesNotContain("V2 ran the");
            assertThat(validate.exitCode()).as(validate.toString()).isZero();
            Cli.Result again = Cli.run(db.env(), "upgrade");
            assertThat(again.exitCode()).as(again.toString()).isZero();
            assertThat(again.stdout()).contains("Nothing to apply");

            Cli.Result plan = Cli.run(db.env(), "downgrade-to", "1", "--dry-run");
            assertThat(plan.exitCode()).as(plan.toString()).isZero();
            assertThat(plan.stdout()).contains("U2__timescale_features." + live.resourceName + ".sql");
            Cli.Result down = Cli.run(db.env(), "downgrade-to", "1", "--allow-data-loss");
            assertThat(down.exitCode()).as(down.toString()).isZero();
            assertThat(Cli.run(db.env(), "current").stdout()).isEqualTo("1\n");
            assertThat(db.value("SELECT to_regclass('daily_metrics_summary') IS NULL")).isEqualTo("true");
        }
    }

    @Test
    void aChecksumOfNeitherBranchIsStillAMismatch() {
        try (TestDatabase db = upgraded()) {
            db.execute("UPDATE flyway_schema_history SET checksum = 42 WHERE version = '2'");

            Cli.Result check = Cli.run(db.env(), "status", "--check");
            assertThat(check.exitCode()).as(check.toString()).isEqualTo(6);
            assertThat(check.stdout()).contains("V2 timescale features");
            Cli.Result upgrade = Cli.run(db.env(), "upgrade");
            assertThat(upgrade.exitCode()).as(upgrade.toString()).isEqualTo(6);
        }
    }

    @Test
    void theRecordedBranchOutranksTheLicenseAndTheDisagreementIsNamed() {
        try (TestDatabase db = upgraded()) {
            Edition live = liveEdition(db);
            Edition recorded = other(live);
            String license = db.value("SHOW timescaledb.license");
            db.execute("UPDATE flyway_schema_history SET checksum = " + checksum(recorded) + " WHERE version = '2'");
            String mismatch = "V2 ran the " + recorded.resourceName + " branch (recorded by its checksum in"
                    + " flyway_schema_history) but the server now runs TimescaleDB under the " + license + " license";

            Cli.Result check = Cli.run(db.env(), "status", "--check");
            assertThat(check.exitCode()).as("a bundled branch's checksum is valid: %s", check).isZero();
            Cli.Result validate = Cli.run(db.env(), "validate");
            assertThat(validate.stdout()).contains(mismatch);
            Cli.Result plan = Cli.run(db.env(), "downgrade-to", "1", "--allow-data-loss", "--dry-run");

            if (recorded == Edition.COMMUNITY) {
                // Its compression and policies cannot be taken back without the community functions.
                assertThat(validate.exitCode()).as(validate.toString()).isEqualTo(6);
                assertThat(plan.exitCode()).as(plan.toString()).isEqualTo(9);
                assertThat(plan.stderr()).contains(mismatch, "db/undo/U2__timescale_features.community.sql",
                        "nothing was changed");

                List<String> fingerprint = CatalogFingerprint.of(db);
                List<String> history = db.rows("SELECT installed_rank, version, checksum FROM flyway_schema_history"
                        + " ORDER BY 1");
                String logged = db.value("SELECT count(*) FROM intel_migrate_operations");
                Cli.Result down = Cli.run(db.env(), "downgrade-to", "1", "--allow-data-loss");
                assertThat(down.exitCode()).as(down.toString()).isEqualTo(9);
                assertThat(down.stderr()).contains(mismatch, "community license");
                assertThat(CatalogFingerprint.of(db)).isEqualTo(fingerprint);
                assertThat(db.rows("SELECT installed_rank, version, checksum FROM flyway_schema_history ORDER BY 1"))
                        .isEqualTo(history);
                assertThat(db.value("SELECT count(*) FROM intel_migrate_operations")).isEqualTo(logged);
            } else {
                // The Apache undo needs nothing the community server lacks: it runs, with a warning.
                // (Not run for real here: the objects are the community ones, only the record says Apache.)
                assertThat(plan.exitCode()).as(plan.toString()).isZero();
                assertThat(plan.stdout()).contains("db/undo/U2__timescale_features.apache.sql")
                        .doesNotContain("U2__timescale_features.community.sql");
                assertThat(plan.stderr()).contains(mismatch, "the undo scripts follow the recorded branch");
            }
        }
    }

    @Test
    void rowsOlderThanTheRefreshWindowReachTheSummaryAfterUpgrade() {
        try (TestDatabase db = TestServer.createDatabase()) {
            Cli.Result one = Cli.run(db.env(), "upgrade-to", "1");
            assertThat(one.exitCode()).as(one.toString()).isZero();
            db.execute("INSERT INTO companies (ticker, name) VALUES ('ACME', 'Acme Corp')");
            db.execute("INSERT INTO financial_metrics (company_id, metric_date, period_type, metric_type, value)"
                    + " SELECT c.id, now() - d * interval '1 day', 'daily', 'revenue', d"
                    + " FROM companies c, unnest(ARRAY[10, 40, 400]) AS d");

            Cli.Result up = Cli.run(db.env(), "upgrade");
            assertThat(up.exitCode()).as(up.toString()).isZero();

            assertThat(db.rows("SELECT data_points, avg_value FROM daily_metrics_summary"
                    + " WHERE day < now() - interval '3 days' ORDER BY day"))
                    .containsExactly("1 | 400.0", "1 | 40.0", "1 | 10.0");
            boolean community = liveEdition(db) == Edition.COMMUNITY;
            // Only the continuous aggregate needs the step: the Apache view is created WITH DATA.
            assertThat(db.value(REFRESHES)).isEqualTo(community ? "1" : "0");
            if (community) {
                assertThat(up.stderr()).contains("initial refresh of daily_metrics_summary");
            }

            Cli.Result again = Cli.run(db.env(), "upgrade");
            assertThat(again.exitCode()).as(again.toString()).isZero();
            assertThat(db.value(REFRESHES)).as("a completed refresh is not run again").isEqualTo(community ? "1" : "0");
        }
    }

    @Test
    void anInitialRefreshThatNeverCompletedIsTakenUpByTheNextUpgrade() {
        try (TestDatabase db = upgraded()) {
            if (liveEdition(db) == Edition.COMMUNITY) {
                // History inserted after the refresh, then V2 logged again without its refresh
                // (as after a kill between V2's commit and the end of the refresh).
                db.execute("INSERT INTO companies (ticker, name) VALUES ('ACME', 'Acme Corp')");
                db.execute("INSERT INTO financial_metrics (company_id, metric_date, period_type, metric_type, value)"
                        + " SELECT id, now() - interval '20 days', 'daily', 'revenue', 7 FROM companies");
                db.execute("INSERT INTO intel_migrate_operations (version, description, direction, outcome,"
                        + " started_at, duration_ms, detail) VALUES ('2', 'timescale features', 'upgrade', 'success',"
                        + " now(), 0, 'timescale edition: community')");
                assertThat(db.value("SELECT count(*) FROM daily_metrics_summary")).isEqualTo("0");

                Cli.Result up = Cli.run(db.env(), "upgrade");
                assertThat(up.exitCode()).as(up.toString()).isZero();
                assertThat(up.stdout()).contains("Nothing to apply");
                assertThat(db.value("SELECT count(*) FROM daily_metrics_summary")).isEqualTo("1");
                assertThat(db.value(REFRESHES)).isEqualTo("2");
            } else {
                // A community V2 (as recorded) whose refresh never ran, on a server that cannot run it.
                db.execute("UPDATE flyway_schema_history SET checksum = " + checksum(Edition.COMMUNITY)
                        + " WHERE version = '2'");

                Cli.Result up = Cli.run(db.env(), "upgrade");
                assertThat(up.exitCode()).as(up.toString()).isZero();
                assertThat(up.stderr()).contains("V2 ran the community branch", "apache license",
                        "initial refresh of daily_metrics_summary needs the community license and did not run");
                assertThat(db.value(REFRESHES)).isEqualTo("0");
            }
        }
    }

    @Test
    void aNonTransactionalUndoCommitsItsFinalTransactionWithTheHistoryRow() {
        MigrationDirectory set = MigrationDirectory.create()
                .forward("V1__tables.sql", "CREATE TABLE a (x int); CREATE TABLE b (x int);")
                .undo("U1__tables.sql", """
                        DO $$ BEGIN DROP TABLE IF EXISTS a; COMMIT; END $$;
                        -- final-transaction: b and the history row go together
                        DROP TABLE b;
                        DROP TABLE c;
                        """)
                .nonTransactional("undo", "U1__tables.sql");
        try (TestDatabase db = TestServer.createDatabase()) {
            assertThat(Cli.run(db.env(), "upgrade", "--migrations", set.path()).exitCode()).isZero();

            Cli.Result failed = Cli.run(db.env(), "downgrade", "--migrations", set.path());
            assertThat(failed.exitCode()).as(failed.toString()).isEqualTo(5);
            assertThat(db.value("SELECT to_regclass('a') IS NULL")).as("autocommitted before the marker").isEqualTo("true");
            assertThat(db.value("SELECT to_regclass('b') IS NOT NULL")).as("rolled back with the history row")
                    .isEqualTo("true");
            assertThat(Cli.run(db.env(), "current", "--migrations", set.path()).stdout()).isEqualTo("1\n");

            db.execute("CREATE TABLE c (x int)");
            Cli.Result again = Cli.run(db.env(), "downgrade", "--migrations", set.path());
            assertThat(again.exitCode()).as(again.toString()).isZero();
            assertThat(db.value("SELECT to_regclass('b') IS NULL AND to_regclass('c') IS NULL")).isEqualTo("true");
            assertThat(Cli.run(db.env(), "current", "--migrations", set.path()).stdout()).isEqualTo("0\n");
        }
    }
}
