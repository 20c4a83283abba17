package com.corpintel.migrate.it;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An empty database upgraded by the binary has exactly the schema of schema.md,
 * checked through the catalog: the whole fingerprint against the reviewed expected
 * files, plus the rules of schema.md checked on their own so that the expected files
 * cannot silently drift from the spec. Either TimescaleDB license gives its own
 * branch of version 2; the expectations follow the test server's.
 */
class UpgradeSchemaIT {

    private static final Path EXPECTED = Path.of(System.getProperty("intel-migrate.project-dir", "."))
            .resolve("src/test/resources/expected");
    /** Reviewed against schema.md: what both branches of version 2 build alike. */
    private static final Path COMMON = EXPECTED.resolve("platform-schema.txt");

    private static TimescaleEdition edition;
    private static TestDatabase db;
    private static Cli.Result firstUpgrade;
    private static List<String> fingerprint;

    @BeforeAll
    static void upgradeEmptyDatabase() {
        edition = TestServer.edition();
        db = TestServer.createDatabase();
        firstUpgrade = Cli.run(db.env(), "upgrade");
        fingerprint = CatalogFingerprint.of(db);
    }

    /** The rest of the fingerprint, what this license's branch of version 2 builds: platform-schema.&lt;branch&gt;.txt. */
    private static Path editionFile() {
        return EXPECTED.resolve("platform-schema." + edition.branch + ".txt");
    }

    /** What the two branches of version 2 build differently: the TimescaleDB features, and the summary's kind. */
    private static boolean editionSpecific(String line) {
        return line.startsWith("hypertable: ") || line.startsWith("compression: ") || line.startsWith("job: ")
                || line.startsWith("continuous-aggregate: ") || line.startsWith("relation: daily_metrics_summary ");
    }

    @AfterAll
    static void drop() {
        db.close();
    }

    @Test
    void upgradeOfAnEmptyDatabaseSucceedsAndSaysWhatItApplied() {
        assertThat(firstUpgrade.exitCode()).as(firstUpgrade.toString()).isZero();
        assertThat(firstUpgrade.stdout())
                .contains("Applied 3 migrations")
                .contains("V1 initial schema", "V2 timescale features", "V3 permission scopes")
                .contains("Current version:", "V3 permission scopes")
                .contains("up to date");
    }

    @Test
    void upgradeNamesTheLicenseAndWhatItMeans() {
        if (edition == TimescaleEdition.APACHE) {
            assertThat(firstUpgrade.stdout()).contains("TimescaleDB license: apache — degraded:")
                    .contains("compression", "retention policy", "continuous aggregate daily_metrics_summary");
        } else {
            assertThat(firstUpgrade.stdout()).contains("TimescaleDB license: timescale (community) — every feature enabled")
                    .doesNotContain("degraded");
        }
    }

    @Test
    void catalogMatchesTheReviewedExpectedSchema() throws IOException {
        List<String> actual = withoutExtensionVersions(fingerprint);
        List<String> common = actual.stream().filter(l -> !editionSpecific(l)).toList();
        List<String> specific = actual.stream().filter(UpgradeSchemaIT::editionSpecific).toList();
        if (Boolean.getBoolean("intel-migrate.write-expected")) {
            Files.createDirectories(EXPECTED);
            Files.writeString(COMMON, "# What both branches of version 2 build alike; written by UpgradeSchemaIT"
                    + " (-Dintel-migrate.write-expected=true). Review a change against schema.md.\n"
                    + String.join("\n", common) + "\n", StandardCharsets.UTF_8);
            Files.writeString(editionFile(), "# Written by UpgradeSchemaIT (-Dintel-migrate.write-expected=true) on a"
                    + " server whose TimescaleDB license is '" + edition.license + "'.\n"
                    + String.join("\n", specific) + "\n", StandardCharsets.UTF_8);
        }
        assertSameLines(COMMON, common);
        assertSameLines(editionFile(), specific);
    }

    private static void assertSameLines(Path file, List<String> actual) throws IOException {
        List<String> expected = Files.readAllLines(file, StandardCharsets.UTF_8).stream()
                .filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
        List<String> missing = new ArrayList<>(expected);
        missing.removeAll(actual);
        List<String> unexpected = new ArrayList<>(actual);
        unexpected.removeAll(expected);
        assertThat(missing).as("objects %s expects but the catalog lacks", file.getFileName()).isEmpty();
        assertThat(unexpected).as("objects in the catalog that %s does not expect", file.getFileName()).isEmpty();
    }

    @Test
    void theTwelveTablesAndTheSummaryViewExist() {
        assertThat(CatalogFingerprint.only(fingerprint, "relation")).containsExactlyInAnyOrder(
                "companies table", "sec_filings table", "financial_metrics table", "documents table",
                "document_chunks table", "analysis_reports table", "market_intelligence table", "users table",
                "permissions table", "user_permissions table", "api_keys table", "user_sessions table",
                "daily_metrics_summary " + edition.summaryRelationKind(),
                "financial_metrics_id_seq sequence", "permissions_id_seq sequence");
    }

    @Test
    void extensionsAreInstalled() {
        assertThat(CatalogFingerprint.only(fingerprint, "extension"))
                .anyMatch(l -> l.startsWith("timescaledb 2."))
                .anyMatch(l -> l.startsWith("vector 0."))
                .anyMatch(l -> l.startsWith("uuid-ossp "));
    }

    @Test
    void everyUuidKeyDefaultsToUuidGenerateV4AndTimestampsFollowTheConventions() {
        List<String> columns = CatalogFingerprint.only(fingerprint, "column");
        List<String> uuidIds = columns.stream().filter(c -> c.matches("\\w+\\.id uuid.*")).toList();
        assertThat(uuidIds).hasSize(9).allMatch(c -> c.endsWith("uuid NOT NULL DEFAULT uuid_generate_v4()"));
        assertThat(columns.stream().filter(c -> c.matches("\\w+\\.created_at .*") && !c.startsWith("daily_")))
                .hasSize(10)
                .allMatch(c -> c.endsWith("timestamp with time zone NOT NULL DEFAULT now()"));
        assertThat(columns.stream().filter(c -> c.matches("\\w+\\.updated_at .*")))
                .hasSize(8)
                .allMatch(c -> c.endsWith("timestamp with time zone DEFAULT now()"));
        assertThat(columns).noneMatch(c -> c.contains("timestamp without time zone"));
        assertThat(columns).noneMatch(c -> c.matches("\\S+ json( .*)?"));
    }

    @Test
    void keyColumnsHaveTheirSpecifiedTypesAndDefaults() {
        assertThat(CatalogFingerprint.only(fingerprint, "column")).contains(
                "financial_metrics.id bigint NOT NULL GENERATED BY DEFAULT AS IDENTITY",
                "permissions.id integer NOT NULL GENERATED ALWAYS AS IDENTITY",
                "documents.embedding vector(1536)",
                "document_chunks.embedding vector(1536)",
                "users.role character varying(20) NOT NULL DEFAULT 'viewer'::character varying",
                "users.is_active boolean NOT NULL DEFAULT true",
                "users.is_verified boolean NOT NULL DEFAULT false",
                "users.api_calls_today integer NOT NULL DEFAULT 0",
                "api_keys.key_hash character(64) NOT NULL",
                "api_keys.rate_limit_per_hour integer NOT NULL DEFAULT 1000",
                "sec_filings.processing_status character varying(20) DEFAULT 'pending'::character varying",
                "financial_metrics.value double precision NOT NULL",
                "user_sessions.expires_at timestamp with time zone NOT NULL");
    }

    @Test
    void foreignKeysHaveTheirOnDeleteActions() {
        List<String> constraints = CatalogFingerprint.only(fingerprint, "constraint");
        assertThat(constraints.stream().filter(c -> c.contains("FOREIGN KEY")).map(UpgradeSchemaIT::foreignKey))
                .containsExactlyInAnyOrder(
                        "sec_filings(company_id) -> companies(id) ON DELETE CASCADE",
                        "financial_metrics(company_id) -> companies(id) ON DELETE CASCADE",
                        "documents(company_id) -> companies(id) ON DELETE SET NULL",
                        "document_chunks(document_id) -> documents(id) ON DELETE CASCADE",
                        "market_intelligence(primary_company_id) -> companies(id) ON DELETE SET NULL",
                        "user_permissions(user_id) -> users(id) ON DELETE CASCADE",
                        "user_permissions(permission_id) -> permissions(id) ON DELETE CASCADE",
                        "api_keys(user_id) -> users(id) ON DELETE CASCADE",
                        "user_sessions(user_id) -> users(id) ON DELETE CASCADE");
    }

    @Test
    void namedUniqueConstraintsChecksAndPrimaryKeysExist() {
        List<String> constraints = CatalogFingerprint.only(fingerprint, "constraint");
        assertThat(constraints).contains(
                "sec_filings uq_company_filing UNIQUE (company_id, accession_number)",
                "financial_metrics uq_company_metric_period UNIQUE (company_id, metric_type, metric_date, period_type)",
                "document_chunks uq_document_chunk UNIQUE (document_id, chunk_index)",
                "financial_metrics financial_metrics_pkey PRIMARY KEY (id, metric_date)",
                "user_permissions user_permissions_pkey PRIMARY KEY (user_id, permission_id)",
                "api_keys ck_api_key_rate_limit_positive CHECK ((rate_limit_per_hour > 0))",
                "api_keys ck_api_key_hash_sha256_hex CHECK ((key_hash ~ '^[0-9a-f]{64}$'::text))");
        assertThat(constraints).anyMatch(c -> c.startsWith("users ck_user_role CHECK")
                && c.contains("'admin'") && c.contains("'analyst'") && c.contains("'viewer'") && c.contains("'service'"));
        for (String unique : List.of("companies (ticker)", "companies (cik)", "sec_filings (accession_number)",
                "analysis_reports (cache_key)", "users (email)", "users (username)", "permissions (scope)",
                "api_keys (key_hash)", "user_sessions (token_jti)")) {
            String table = unique.substring(0, unique.indexOf(' '));
            String columns = unique.substring(unique.indexOf(' ') + 1);
            assertThat(constraints).as("unique " + unique)
                    .anyMatch(c -> c.startsWith(table + " ") && c.endsWith("UNIQUE " + columns));
        }
    }

    @Test
    void theNamedIndexesExistWithTheirColumnsAndMethods() {
        List<String> indexes = CatalogFingerprint.only(fingerprint, "index");
        assertThat(indexes).contains(
                "CREATE INDEX idx_company_category ON public.companies USING btree (category)",
                "CREATE INDEX idx_company_sector_subsector ON public.companies USING btree (sector, subsector)",
                "CREATE INDEX idx_filing_date ON public.sec_filings USING btree (filing_date)",
                "CREATE INDEX idx_filing_type_date ON public.sec_filings USING btree (filing_type, filing_date)",
                "CREATE INDEX idx_metric_time ON public.financial_metrics USING btree (metric_date, metric_type)",
                "CREATE INDEX idx_company_metric ON public.financial_metrics USING btree (company_id, metric_type, metric_date)",
                "CREATE INDEX idx_document_type_date ON public.documents USING btree (document_type, document_date)",
                "CREATE INDEX idx_document_company ON public.documents USING btree (company_id)",
                "CREATE INDEX idx_report_type_date ON public.analysis_reports USING btree (report_type, created_at)",
                "CREATE INDEX idx_report_cache ON public.analysis_reports USING btree (cache_key, expires_at)",
                "CREATE INDEX idx_intel_type_date ON public.market_intelligence USING btree (intel_type, event_date)",
                "CREATE INDEX idx_intel_company ON public.market_intelligence USING btree (primary_company_id, event_date)",
                "CREATE INDEX idx_session_expires ON public.user_sessions USING btree (expires_at)");
        assertThat(indexes).contains(
                "CREATE INDEX idx_document_embedding ON public.documents USING ivfflat (embedding vector_cosine_ops) WITH (lists='100')",
                "CREATE INDEX idx_chunk_embedding ON public.document_chunks USING ivfflat (embedding vector_cosine_ops) WITH (lists='100')");
    }

    @Test
    void everyForeignKeyHasAnIndexLeadingWithItsColumn() {
        List<String> indexes = CatalogFingerprint.only(fingerprint, "index");
        for (String fk : CatalogFingerprint.only(fingerprint, "constraint").stream()
                .filter(c -> c.contains("FOREIGN KEY")).toList()) {
            String table = fk.substring(0, fk.indexOf(' '));
            String column = fk.replaceAll(".*FOREIGN KEY \\((\\w+)\\).*", "$1");
            assertThat(indexes).as("index leading with " + table + "." + column)
                    .anyMatch(i -> i.contains(" ON public." + table + " USING btree (" + column + ")")
                            || i.contains(" ON public." + table + " USING btree (" + column + ","));
        }
    }

    @Test
    void noTwoIndexesOfATableCoverTheSameColumns() {
        List<String> keys = CatalogFingerprint.only(fingerprint, "index").stream()
                .map(i -> i.replaceAll("CREATE (UNIQUE )?INDEX \\S+ ", "").replaceAll(" WITH .*", ""))
                .toList();
        assertThat(keys).doesNotHaveDuplicates();
    }

    @Test
    void updatedAtIsKeptCurrentByOneSharedTrigger() {
        List<String> triggers = CatalogFingerprint.only(fingerprint, "trigger");
        assertThat(triggers).hasSize(8).allMatch(t -> t.contains("BEFORE UPDATE")
                && t.contains("FOR EACH ROW EXECUTE FUNCTION set_updated_at()"));
        assertThat(triggers.stream().map(t -> t.replaceAll(".* ON public\\.(\\w+) .*", "$1")).collect(Collectors.toSet()))
                .containsExactlyInAnyOrder("companies", "sec_filings", "financial_metrics", "documents",
                        "document_chunks", "analysis_reports", "market_intelligence", "users");
        db.execute("INSERT INTO companies (ticker, name) VALUES ('TRGR', 'Trigger Inc')");
        db.execute("UPDATE companies SET updated_at = now() - interval '1 day' WHERE ticker = 'TRGR'");
        assertThat(db.value("SELECT updated_at > now() - interval '1 minute' FROM companies WHERE ticker = 'TRGR'"))
                .isEqualTo("true");
        db.execute("DELETE FROM companies WHERE ticker = 'TRGR'");
    }

    @Test
    void financialMetricsIsAHypertableWithOneMonthChunks() {
        // TimescaleDB stores INTERVAL '1 month' as a fixed 30 days of microseconds.
        assertThat(CatalogFingerprint.only(fingerprint, "dimension"))
                .containsExactly("financial_metrics.metric_date Time interval=30 days");
        assertThat(CatalogFingerprint.only(fingerprint, "hypertable"))
                .containsExactly("financial_metrics compression=" + (edition == TimescaleEdition.COMMUNITY));
    }

    @Test
    void compressionPoliciesAndTheAggregateFollowTheSpecOrAreAbsentUnderApache() {
        List<String> compression = CatalogFingerprint.only(fingerprint, "compression");
        List<String> jobs = CatalogFingerprint.only(fingerprint, "job");
        List<String> aggregates = CatalogFingerprint.only(fingerprint, "continuous-aggregate");
        if (edition == TimescaleEdition.APACHE) {
            // Skipped there: nothing half-made is left behind.
            assertThat(compression).isEmpty();
            assertThat(jobs).isEmpty();
            assertThat(aggregates).isEmpty();
            return;
        }
        // Segment by company_id, metric_type; order by metric_date DESC, period_type.
        assertThat(compression).containsExactlyInAnyOrder(
                "financial_metrics.company_id segmentby=1 orderby=- asc=-",
                "financial_metrics.metric_type segmentby=2 orderby=- asc=-",
                "financial_metrics.metric_date segmentby=- orderby=1 asc=false",
                "financial_metrics.period_type segmentby=- orderby=2 asc=true");
        assertThat(jobs).hasSize(3)
                .anyMatch(j -> j.startsWith("policy_compression on financial_metrics ") && j.contains("compress_after=30 days"))
                .anyMatch(j -> j.startsWith("policy_retention on financial_metrics ") && j.contains("drop_after=2 years"))
                .anyMatch(j -> j.startsWith("policy_refresh_continuous_aggregate on daily_metrics_summary every 01:00:00 ")
                        && j.contains("start_offset=3 days") && j.contains("end_offset=01:00:00"));
        assertThat(aggregates).singleElement().asString().startsWith("daily_metrics_summary ");
    }

    @Test
    void theSummaryHasTheAggregateColumnsAndStartsEmpty() {
        assertThat(CatalogFingerprint.only(fingerprint, "column").stream()
                .filter(c -> c.startsWith("daily_metrics_summary.")))
                .containsExactlyInAnyOrder(
                        "daily_metrics_summary.company_id uuid",
                        "daily_metrics_summary.metric_type character varying(50)",
                        "daily_metrics_summary.day timestamp with time zone",
                        "daily_metrics_summary.avg_value double precision",
                        "daily_metrics_summary.min_value double precision",
                        "daily_metrics_summary.max_value double precision",
                        "daily_metrics_summary.data_points bigint");
        // The same query under both licenses: a materialized view, or a continuous aggregate's own query.
        assertThat(CatalogFingerprint.only(fingerprint, "view")).singleElement()
                .extracting(v -> v.replaceAll("\\s+", " ")).asString()
                .startsWith("daily_metrics_summary: SELECT financial_metrics.company_id, financial_metrics.metric_type,"
                        + " time_bucket('1 day'::interval, financial_metrics.metric_date) AS day,")
                .endsWith(" FROM financial_metrics GROUP BY financial_metrics.company_id, financial_metrics.metric_type,"
                        + " (time_bucket('1 day'::interval, financial_metrics.metric_date));");
        assertThat(db.value("SELECT count(*) FROM daily_metrics_summary")).isEqualTo("0");
    }

    @Test
    void permissionScopesAreInserted() {
        assertThat(db.rows("SELECT scope FROM permissions ORDER BY scope")).containsExactlyInAnyOrder(
                "read:companies", "read:filings", "read:metrics", "read:analysis", "read:documents",
                "write:companies", "write:filings", "write:metrics", "write:analysis", "write:documents",
                "manage:users", "manage:api_keys", "manage:system", "run:analysis", "export:data", "create:reports");
    }

    @Test
    void aSecondUpgradeChangesNothingAndSaysSo() {
        List<String> history = db.rows("SELECT installed_rank, version, checksum FROM flyway_schema_history ORDER BY 1");
        Cli.Result second = Cli.run(db.env(), "upgrade");
        assertThat(second.exitCode()).as(second.toString()).isZero();
        assertThat(second.stdout()).contains("Nothing to apply").contains("nothing was changed");
        assertThat(CatalogFingerprint.of(db)).isEqualTo(fingerprint);
        assertThat(db.rows("SELECT installed_rank, version, checksum FROM flyway_schema_history ORDER BY 1"))
                .isEqualTo(history);
    }

    /** Extension versions and their object counts depend on the server's packages, not on the migrations. */
    private static List<String> withoutExtensionVersions(List<String> lines) {
        return lines.stream().filter(l -> !l.startsWith("extension: ") && !l.startsWith("owned-by-extension: ")).toList();
    }

    private static String foreignKey(String constraint) {
        // "<table> <name> FOREIGN KEY (col) REFERENCES other(id) ON DELETE CASCADE"
        String[] parts = constraint.split(" ", 3);
        String definition = parts[2];
        String column = definition.replaceAll("FOREIGN KEY \\((\\w+)\\).*", "$1");
        String rest = definition.replaceAll(".*REFERENCES ", "");
        return parts[0] + "(" + column + ") -> " + rest;
    }
}
