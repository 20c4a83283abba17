package com.corpintel.migrate.it;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Every bundled migration reverts to exactly the state before it, and data it does not touch survives. */
class DowngradeIT {

    @Test
    void everyBundledMigrationRoundTripsThroughItsUndoScript() {
        for (int k = 0; k < 3; k++) {
            try (TestDatabase db = k == 0 ? TestServer.createDatabase()
                    : DatabaseTemplate.upgraded("--target", String.valueOf(k)).copy()) {
                List<String> before = CatalogFingerprint.of(db);
                Cli.Result up = Cli.run(db.env(), "upgrade", "--target", String.valueOf(k + 1));
                assertThat(up.exitCode()).as(up.toString()).isZero();
                String permissions = "SELECT count(*) FROM permissions";
                if (k + 1 == 3) {
                    assertThat(db.value(permissions)).as("V3 inserts reference data only").isEqualTo("16");
                } else {
                    assertThat(CatalogFingerprint.of(db)).as("V%d changes the schema", k + 1).isNotEqualTo(before);
                }

                Cli.Result down = Cli.run(db.env(), "downgrade", "--allow-data-loss");
                assertThat(down.exitCode()).as(down.toString()).isZero();
                assertThat(down.stdout()).contains("Reverted 1 migration", "V" + (k + 1) + " ");
                assertThat(CatalogFingerprint.of(db)).as("after reverting V%d", k + 1).isEqualTo(before);
                if (k + 1 == 3) {
                    assertThat(db.value(permissions)).isEqualTo("0");
                }
                assertThat(Cli.run(db.env(), "current").stdout()).isEqualTo(k + "\n");
            }
        }
    }

    @Test
    void downToNothingAndBackUpToHeadRoundTrips() {
        try (TestDatabase db = TestServer.createDatabase()) {
            List<String> empty = CatalogFingerprint.of(db);
            assertThat(Cli.run(db.env(), "upgrade").exitCode()).isZero();
            List<String> head = CatalogFingerprint.of(db);

            Cli.Result down = Cli.run(db.env(), "downgrade-to", "0", "--allow-data-loss");
            assertThat(down.exitCode()).as(down.toString()).isZero();
            assertThat(down.stdout()).contains("Reverted 3 migrations", "Current version:", "none (nothing applied)");
            assertThat(CatalogFingerprint.of(db)).isEqualTo(empty);
            assertThat(db.value("SELECT count(*) FROM pg_extension WHERE extname <> 'plpgsql'")).isEqualTo("0");

            assertThat(Cli.run(db.env(), "upgrade").exitCode()).isZero();
            assertThat(CatalogFingerprint.of(db)).isEqualTo(head);
        }
    }

    @Test
    void aPopulatedDatabaseRevertsToNothingAndComesBack() {
        try (TestDatabase db = TestServer.createDatabase()) {
            List<String> empty = CatalogFingerprint.of(db);
            assertThat(Cli.run(db.env(), "upgrade").exitCode()).isZero();
            List<String> head = CatalogFingerprint.of(db);
            db.execute("INSERT INTO companies (ticker, name) VALUES ('ACME', 'Acme Corp')");
            // Rows spread over several monthly chunks of the hypertable, and a refreshed summary; all
            // within the 2 years that V2's retention policy keeps under the community license.
            db.execute("INSERT INTO financial_metrics (company_id, metric_date, period_type, metric_type, value)"
                    + " SELECT c.id, now() - n * interval '9 days', 'daily', 'revenue', n"
                    + " FROM companies c, generate_series(0, 60) AS n");
            db.execute("INSERT INTO documents (company_id, document_type, embedding) SELECT id, '10-K',"
                    + " array_fill(0.5, ARRAY[1536])::vector FROM companies");
            db.execute("INSERT INTO users (email, username, hashed_password) VALUES ('a@example.com', 'a', 'x')");
            db.execute("INSERT INTO user_permissions SELECT u.id, p.id FROM users u, permissions p");
            db.execute(TestServer.edition().refreshSummary());
            assertThat(db.value("SELECT count(*) > 0 FROM daily_metrics_summary")).isEqualTo("true");
            assertThat(db.value("SELECT count(*) > 5 FROM show_chunks('financial_metrics')")).isEqualTo("true");

            Cli.Result down = Cli.run(db.env(), "downgrade-to", "0", "--allow-data-loss");
            assertThat(down.exitCode()).as(down.toString()).isZero();
            assertThat(CatalogFingerprint.of(db)).isEqualTo(empty);

            assertThat(Cli.run(db.env(), "upgrade").exitCode()).isZero();
            assertThat(CatalogFingerprint.of(db)).isEqualTo(head);
        }
    }

    @Test
    void companiesSurviveRevertingThePermissionScopes() {
        try (TestDatabase db = DatabaseTemplate.upgraded().copy()) {
            db.execute("INSERT INTO companies (ticker, name, sector) VALUES ('ACME', 'Acme Corp', 'Industrials'),"
                    + " ('GLBX', 'Globex', 'Technology')");
            List<String> companies = db.rows("SELECT id, ticker, name, sector, created_at FROM companies ORDER BY ticker");

            Cli.Result down = Cli.run(db.env(), "downgrade", "1", "--allow-data-loss");
            assertThat(down.exitCode()).as(down.toString()).isZero();
            assertThat(db.rows("SELECT id, ticker, name, sector, created_at FROM companies ORDER BY ticker"))
                    .isEqualTo(companies);
            assertThat(db.value("SELECT count(*) FROM permissions")).isEqualTo("0");
            assertThat(Cli.run(db.env(), "current").stdout()).isEqualTo("2\n");
        }
    }

    @Test
    void everyStepIsRecordedInTheOperationsLogAndShownByHistoryVerbose() {
        try (TestDatabase db = TestServer.createDatabase()) {
            assertThat(Cli.run(db.env("HOSTNAME", "pod-up-1"), "upgrade").exitCode()).isZero();
            assertThat(Cli.run(db.env("HOSTNAME", "laptop-ops"), "downgrade", "2", "--allow-data-loss").exitCode())
                    .isZero();
            List<String> expected = new ArrayList<>(List.of(
                    "upgrade | 1 | initial schema | success | intel | intel-migrate upgrade@pod-up-1",
                    "upgrade | 2 | timescale features | success | intel | intel-migrate upgrade@pod-up-1",
                    "upgrade | 3 | permission scopes | success | intel | intel-migrate upgrade@pod-up-1",
                    "downgrade | 3 | permission scopes | success | intel | intel-migrate downgrade@laptop-ops",
                    "downgrade | 2 | timescale features | success | intel | intel-migrate downgrade@laptop-ops"));
            if ("timescale".equals(db.value("SHOW timescaledb.license"))) {
                // The community branch's initial refresh of daily_metrics_summary, once V2 has committed.
                expected.add(3, "upgrade | 2 | initial refresh of daily_metrics_summary | success | intel"
                        + " | intel-migrate upgrade@pod-up-1");
            }
            assertThat(db.rows("SELECT direction, version, description, outcome, database_user, application_name"
                    + " FROM intel_migrate_operations ORDER BY id")).isEqualTo(expected);
            Cli.Result history = Cli.run(db.env(), "history", "--verbose");
            assertThat(history.stdout()).contains("Operations log", "downgrade", "intel-migrate downgrade@laptop-ops");
            assertThat(history.stdout().lines().filter(l -> l.matches("^\\d+ +\\d{4}-.*")).count())
                    .isEqualTo(expected.size());

            try (var c = db.connect(); var s = c.createStatement()) {
                s.execute("DELETE FROM intel_migrate_operations");
                throw new AssertionError("the operations log accepted a DELETE");
            } catch (java.sql.SQLException e) {
                assertThat(e.getMessage()).contains("append-only");
            }
        }
    }

    @Test
    void aNonTransactionalUndoRunsStatementByStatement() {
        MigrationDirectory set = MigrationDirectory.create()
                .forward("V1__table.sql", "CREATE TABLE t (x int);")
                .forward("V2__index.sql", "CREATE INDEX CONCURRENTLY idx_t_x ON t (x);")
                .nonTransactional("migration", "V2__index.sql")
                .undo("U1__table.sql", "DROP TABLE t;")
                .undo("U2__index.sql", "DROP INDEX CONCURRENTLY idx_t_x;\nSELECT 1;")
                .nonTransactional("undo", "U2__index.sql");
        try (TestDatabase db = TestServer.createDatabase()) {
            Cli.Result up = Cli.run(db.env(), "upgrade", "--migrations", set.path());
            assertThat(up.exitCode()).as(up.toString()).isZero();
            assertThat(db.value("SELECT to_regclass('idx_t_x') IS NOT NULL")).isEqualTo("true");
            Cli.Result down = Cli.run(db.env(), "downgrade", "--migrations", set.path());
            assertThat(down.exitCode()).as(down.toString()).isZero();
            assertThat(db.value("SELECT to_regclass('idx_t_x') IS NULL")).isEqualTo("true");
            assertThat(Cli.run(db.env(), "current", "--migrations", set.path()).stdout()).isEqualTo("1\n");
        }
    }
}
