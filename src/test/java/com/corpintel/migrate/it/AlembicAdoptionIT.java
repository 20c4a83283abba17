package com.corpintel.migrate.it;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * baseline --from-alembic on a faithful Alembic 001 database (AlembicFixture): bad values are
 * refused by key with nothing changed; once corrected, the bridge keeps every row, validate
 * passes and upgrade has nothing to do; what it cannot bridge is refused before any change; a
 * run killed in the middle resumes where it stopped.
 */
class AlembicAdoptionIT {

    private static final Duration WITHIN = Duration.ofMinutes(3);
    /** Rows the bridge adds: V3's sixteen scopes, less the two the application had inserted. */
    private static final Map<String, String> FORMER_ROWS = Map.of("permissions", "id <= 12");

    private static final Path PROJECT = Path.of(System.getProperty("intel-migrate.project-dir", "."));

    /**
     * The console blocks of MIGRATION_GUIDE marked as checked by {@code method}: each the lines
     * after its {@code $} line.
     */
    private static List<List<String>> guideTranscripts(String method) throws IOException {
        List<String> lines = Files.readAllLines(PROJECT.resolve("docs/MIGRATION_GUIDE.md"));
        List<List<String>> blocks = new java.util.ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).equals("<!-- checked-by: AlembicAdoptionIT#" + method + " -->")) {
                int end = lines.subList(i + 2, lines.size()).indexOf("```") + i + 2;
                blocks.add(lines.subList(i + 3, end));
            }
        }
        return blocks;
    }

    /** Every line the guide shows is printed, in that order; "…" stands for text that varies. */
    private static void assertShows(List<String> shown, String printed) {
        List<String> out = printed.lines().toList();
        int at = 0;
        for (String line : shown) {
            Pattern pattern = Pattern.compile(String.join(".*", java.util.Arrays.stream(line.split("…", -1))
                    .map(Pattern::quote).toList()));
            while (at < out.size() && !pattern.matcher(out.get(at)).matches()) {
                at++;
            }
            assertThat(at).as("the guide's line \"" + line + "\" in order in:\n" + printed).isLessThan(out.size());
            at++;
        }
    }

    private static Cli.Result run(TestDatabase db, int exitCode, String... args) {
        Cli.Result result = Cli.run(db.env("HOSTNAME", "bastion-7"), args);
        assertThat(result.exitCode()).as(String.join(" ", args) + "\n" + result).isEqualTo(exitCode);
        return result;
    }

    private static boolean exists(TestDatabase db, String table) {
        return Boolean.parseBoolean(db.value("SELECT to_regclass('public." + table + "') IS NOT NULL"));
    }

    /** The bridge's scripts a server of the test's edition runs before step B12 (users). */
    private static List<String> stepsBeforeUsers() {
        return TestServer.edition() == TimescaleEdition.COMMUNITY
                ? List.of("B01 prepare", "B02 companies", "B03 compression_policy", "B05 financial_metrics",
                "B06 sec_filings", "B07 documents", "B08 document_chunks", "B09 vector_indexes", "B10 analysis_reports",
                "B11 market_intelligence")
                : List.of("B01 prepare", "B02 companies", "B05 financial_metrics", "B06 sec_filings", "B07 documents",
                "B08 document_chunks", "B09 vector_indexes", "B10 analysis_reports", "B11 market_intelligence");
    }

    @Test
    void badValuesAreRefusedByKeyThenTheBridgeKeepsEveryRowAndValidatePasses() throws IOException {
        List<List<String>> guide = guideTranscripts("badValuesAreRefusedByKeyThenTheBridgeKeepsEveryRowAndValidatePasses");
        assertThat(guide).as("MIGRATION_GUIDE's refusal and plan").hasSize(2);
        try (TestDatabase db = AlembicFixture.create(true)) {
            List<String> catalog = CatalogFingerprint.of(db);
            Map<String, String> badData = AlembicFixture.rawData(db);

            for (String[] args : List.of(new String[] {"baseline", "--from-alembic", "--dry-run"},
                    new String[] {"baseline", "--from-alembic"})) {
                Cli.Result refused = run(db, 9, args);
                assertThat(refused.stderr()).contains("does not fit the bridge of Alembic revision 001",
                        "nothing was changed", "the bridge drops nothing",
                        "embedding-not-vector (2 rows)",
                        "documents.id=10000000-0000-0000-0000-000000000001: not a vector",
                        "documents.id=10000000-0000-0000-0000-000000000002: [1,2,3]",
                        "json-not-jsonb (1 row)", "findings {\"note\": \"\\u0000\"}",
                        "null-in-not-null (2 rows)", "users.id=20000000-0000-0000-0000-000000000004: is_active NULL",
                        "user_id NULL, permission_id 11",
                        "duplicate-user-permission (1 row)",
                        "(20000000-0000-0000-0000-000000000001, 10): 2 rows",
                        "orphan (1 row)", "user_id 20000000-0000-0000-0000-000000000099",
                        "too-long (1 row)", "username 60 > 50 characters",
                        "check-constraint (2 rows)", "role 'superuser'", "key_hash 'NOT-HEX'");
                assertThat(refused.stdout()).isEmpty();
                assertShows(guide.get(0), refused.stderr());
            }
            assertThat(CatalogFingerprint.of(db)).as("refused: nothing changed").isEqualTo(catalog);
            assertThat(AlembicFixture.rawData(db)).isEqualTo(badData);
            assertThat(exists(db, "flyway_schema_history")).isFalse();
            assertThat(exists(db, "intel_migrate_alembic_bridge")).isFalse();

            db.execute(AlembicFixture.resource("fix-bad-rows.sql"));
            Map<String, String> before = AlembicFixture.data(db, Map.of());

            Cli.Result dryRun = run(db, 0, "baseline", "--from-alembic", "--dry-run");
            assertThat(dryRun.stdout()).contains("Dry run: baseline --from-alembic would adopt Alembic revision 001"
                            + " through the bundled bridge db/alembic/001/ (" + TestServer.edition().branch + " branch)",
                    "nothing was changed", "B02 companies", "ACCESS EXCLUSIVE on companies (rewrite: json to jsonb)",
                    "SHARE on documents (index build)", "B17 permission_scopes",
                    "The schema matched the shape revision 001 left", "7 data checks found no offending row",
                    "Tables rewritten:", "Pending:                3");
            if (TestServer.edition() == TimescaleEdition.APACHE) {
                assertShows(guide.get(1), dryRun.stdout());
            }
            assertThat(CatalogFingerprint.of(db)).as("a dry run changes nothing").isEqualTo(catalog);

            Cli.Result adopted = run(db, 0, "baseline", "--from-alembic");
            assertThat(adopted.stdout()).contains("Adopted Alembic revision 001", "✓ B12 users",
                    "alembic_version is kept as intel_migrate_alembic_version", "Downgrades stop at V3",
                    "Current version:        V3 permission scopes");
            assertThat(adopted.stderr()).contains("bridged B17 permission_scopes",
                    "recorded V1 to V3 as applied (baseline, adopted from Alembic revision 001)");

            // Every row is still there, converted, not changed.
            assertThat(AlembicFixture.data(db, FORMER_ROWS)).isEqualTo(before);
            assertThat(db.value("SELECT count(*) FROM permissions")).as("3 of the application + 14 of V3").isEqualTo("17");
            assertThat(db.value("SELECT description FROM permissions WHERE scope = 'read:companies'"))
                    .isEqualTo("Read companies (application text)");
            assertThat(db.value("SELECT version_num FROM intel_migrate_alembic_version")).isEqualTo("001");
            assertThat(exists(db, "alembic_version")).isFalse();
            assertThat(db.rows("SELECT version || ' ' || success FROM flyway_schema_history ORDER BY installed_rank"))
                    .containsExactly("1 true", "2 true", "3 true");
            assertThat(db.rows("SELECT detail FROM intel_migrate_operations ORDER BY id")).hasSize(3)
                    .allSatisfy(d -> assertThat(d).startsWith("baseline to V3: adopted from Alembic revision 001"));
            // New rows get ids after the application's (identity columns continue from the highest).
            db.execute("INSERT INTO permissions (scope) VALUES ('after:adoption')");
            assertThat(Integer.parseInt(db.value("SELECT id FROM permissions WHERE scope = 'after:adoption'")))
                    .isGreaterThan(12);
            db.execute("DELETE FROM permissions WHERE scope = 'after:adoption'");

            run(db, 0, "validate");
            assertThat(run(db, 0, "upgrade").stdout()).contains("Nothing to apply");
            assertThat(run(db, 9, "downgrade", "--allow-data-loss").stderr()).contains("baseline 3");
            assertThat(run(db, 9, "downgrade-to", "alembic").stderr())
                    .contains("undoing the Alembic bridge is not supported", "backup");
            assertThat(run(db, 9, "baseline", "--from-alembic").stderr())
                    .contains("already has a migration history");
        }
    }

    @Test
    void whatTheBridgeCannotTakeIsRefusedBeforeAnyChange() {
        try (TestDatabase db = AlembicFixture.create(false)) {
            List<String> catalog = CatalogFingerprint.of(db);

            db.execute("DROP INDEX idx_company_category; ALTER TABLE users ADD COLUMN nickname text");
            Cli.Result drift = run(db, 9, "baseline", "--from-alembic");
            assertThat(drift.stderr()).contains("is not the shape Alembic revision 001 left", "2 differences",
                    "index idx_company_category on companies: missing", "column users.nickname: unexpected",
                    "nothing was changed");
            db.execute("CREATE INDEX idx_company_category ON companies (category); ALTER TABLE users DROP COLUMN nickname");

            db.execute("UPDATE alembic_version SET version_num = '002'");
            assertThat(run(db, 9, "baseline", "--from-alembic", "--dry-run").stderr())
                    .contains("is at Alembic revision 002, which this version cannot adopt", "revision 001",
                            "db/alembic/revisions.txt");
            db.execute("INSERT INTO alembic_version VALUES ('003')");
            assertThat(run(db, 9, "baseline", "--from-alembic").stderr()).contains("2 revisions (002, 003)");
            db.execute("DELETE FROM alembic_version; INSERT INTO alembic_version VALUES ('001')");

            db.execute("ALTER TABLE alembic_version RENAME TO kept_elsewhere");
            assertThat(run(db, 9, "baseline", "--from-alembic").stderr())
                    .contains("has no alembic_version table", "baseline --version V");
            db.execute("ALTER TABLE kept_elsewhere RENAME TO alembic_version");

            assertThat(CatalogFingerprint.of(db)).isEqualTo(catalog);
            assertThat(exists(db, "intel_migrate_alembic_bridge")).isFalse();
            assertThat(exists(db, "flyway_schema_history")).isFalse();
        }
    }

    @Test
    void aBridgeKilledInTheMiddleResumesWhereItStoppedAndKeepsEveryRow() throws Exception {
        try (TestDatabase db = AlembicFixture.create(false)) {
            Map<String, String> before = AlembicFixture.data(db, Map.of());
            // Step B12 rewrites users: while this session reads the table, B12 waits inside its transaction.
            try (Connection blocker = db.connect(); Statement s = blocker.createStatement();
                 CliProcess killed = CliProcess.start(db.env(), "baseline", "--from-alembic", "--lock-timeout", "5m")) {
                blocker.setAutoCommit(false);
                s.execute("LOCK TABLE users IN ACCESS SHARE MODE");
                killed.awaitStderr("bridged B11 market_intelligence", WITHIN);
                Eventually.until("step B12 to wait for the users table", WITHIN,
                        () -> !db.rows("SELECT pid FROM pg_stat_activity WHERE wait_event_type = 'Lock'"
                                + " AND application_name LIKE 'intel-migrate baseline%'").isEmpty(), killed::toString);
                killed.close(); // SIGKILL: no shutdown hook, no rollback from the client
                assertThat(killed.isAlive()).isFalse();
                blocker.rollback();
            }
            assertThat(db.rows("SELECT step FROM intel_migrate_alembic_bridge ORDER BY step"))
                    .as("the committed steps, each recorded").containsExactlyElementsOf(stepsBeforeUsers());
            assertThat(db.value("SELECT data_type FROM information_schema.columns WHERE table_name = 'users'"
                    + " AND column_name = 'created_at'")).as("B12 died with its session")
                    .isEqualTo("timestamp without time zone");
            assertThat(exists(db, "flyway_schema_history")).isFalse();
            assertThat(exists(db, "alembic_version")).isTrue();
            assertThat(AlembicFixture.data(db, Map.of())).as("no row lost").isEqualTo(before);

            Cli.Result dryRun = run(db, 0, "baseline", "--from-alembic", "--dry-run");
            assertThat(dryRun.stdout()).contains("resuming after " + stepsBeforeUsers().size()
                    + " committed by an earlier run", "· B11 market_intelligence  committed by an earlier run");

            Cli.Result resumed = run(db, 0, "baseline", "--from-alembic");
            assertThat(resumed.stderr()).contains("resuming the bridge of Alembic revision 001 after "
                    + stepsBeforeUsers().size() + " committed steps").doesNotContain("bridged B11");
            assertThat(resumed.stdout()).contains("✓ B12 users", "Current version:        V3");
            assertThat(AlembicFixture.data(db, FORMER_ROWS)).isEqualTo(before);
            run(db, 0, "validate");
        }
    }
}
