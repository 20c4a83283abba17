package com.corpintel.migrate.it;

import com.corpintel.migrate.inspect.CatalogInspector;
import com.corpintel.migrate.inspect.Column;
import com.corpintel.migrate.inspect.Constraint;
import com.corpintel.migrate.inspect.Extension;
import com.corpintel.migrate.inspect.Hypertable;
import com.corpintel.migrate.inspect.Index;
import com.corpintel.migrate.inspect.IndexKey;
import com.corpintel.migrate.inspect.SchemaModel;
import com.corpintel.migrate.inspect.SchemaModelText;
import com.corpintel.migrate.inspect.SqlFunction;
import com.corpintel.migrate.inspect.Table;
import com.corpintel.migrate.inspect.Trigger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The inspector against a real catalog: TimescaleDB's chunk interval, pgvector's
 * operator classes, and everything that is not the platform's schema left out.
 */
class CatalogInspectorIT {

    private static TestDatabase db;
    private static SchemaModel model;

    // The metrics lie within the last 2 years: under the community license V2's retention
    // policy, whose first run may come after these inserts, would drop older chunks.
    @BeforeAll
    static void upgradeAddChunksAndInspect() throws SQLException {
        db = TestServer.createDatabase();
        Cli.Result upgrade = Cli.run(db.env(), "upgrade");
        assertThat(upgrade.exitCode()).as(upgrade.toString()).isZero();
        db.execute("""
                INSERT INTO companies (id, ticker, name) VALUES ('00000000-0000-0000-0000-000000000001', 'ACME', 'Acme');
                INSERT INTO financial_metrics (company_id, metric_date, period_type, metric_type, value)
                SELECT '00000000-0000-0000-0000-000000000001', d, 'quarter', 'revenue', 1
                FROM generate_series(now() - interval '6 months', now() - interval '1 month', interval '1 month') AS d;
                CREATE TABLE readings (
                    recorded_at timestamptz NOT NULL,
                    embedding   vector(3),
                    label       text
                );
                SELECT create_hypertable('readings', 'recorded_at', chunk_time_interval => INTERVAL '7 days');
                CREATE INDEX idx_readings_l2 ON readings USING ivfflat (embedding) WITH (lists = 10);
                CREATE INDEX idx_readings_ip ON readings USING hnsw (embedding vector_ip_ops) WITH (m = 8);
                CREATE INDEX idx_readings_label ON readings (lower(label) text_pattern_ops, recorded_at DESC)
                    WHERE label IS NOT NULL;
                INSERT INTO readings VALUES ('2024-01-01', '[1,2,3]', 'a'), ('2024-03-01', '[1,2,4]', 'b');
                CREATE TABLE "Odd Table" (
                    n            integer GENERATED ALWAYS AS IDENTITY,
                    "Mixed Case" text DEFAULT 'a: default, b',
                    doubled      integer GENERATED ALWAYS AS (n * 2) STORED,
                    during       tstzrange,
                    company_id   uuid,
                    CONSTRAINT "uq odd" UNIQUE ("Mixed Case") INCLUDE (n),
                    CONSTRAINT ex_during EXCLUDE USING gist (during WITH &&),
                    CONSTRAINT fk_odd_company FOREIGN KEY (company_id) REFERENCES companies (id)
                        ON UPDATE SET NULL ON DELETE RESTRICT,
                    CONSTRAINT ck_doubled CHECK (doubled >= 0)
                );
                CREATE INDEX "idx odd" ON "Odd Table" (company_id) INCLUDE ("Mixed Case") WHERE n > 0;
                CREATE VIEW recent_readings AS SELECT label FROM readings WHERE recorded_at > '2024-02-01';
                CREATE PROCEDURE forget(p_before timestamptz) LANGUAGE sql
                    AS $$ DELETE FROM readings WHERE recorded_at < p_before $$;
                """);
        try (Connection connection = db.connect()) {
            model = new CatalogInspector().inspect(connection, "public");
        }
    }

    @AfterAll
    static void drop() {
        db.close();
    }

    @Test
    void theHypertablesChunkIntervalAndCompressionAreReadAsTimescaleDbKeepsThem() {
        // INTERVAL '1 month' is kept as a fixed 30 days. Compression exists only under the
        // community license, with V2's settings (V2__timescale_features.community.sql).
        assertThat(model.hypertable("financial_metrics")).contains(switch (TestServer.edition()) {
            case APACHE -> Hypertable.of("financial_metrics", "metric_date", "30 days");
            case COMMUNITY -> new Hypertable("financial_metrics", "metric_date", "30 days", true,
                    List.of("company_id", "metric_type"), List.of("metric_date DESC", "period_type"));
        });
        assertThat(model.hypertable("readings")).contains(Hypertable.of("readings", "recorded_at", "7 days"));
    }

    @Test
    void theIvfflatIndexKeepsItsOperatorClassAndLists() {
        Index embedding = model.table("documents").orElseThrow().index("idx_document_embedding").orElseThrow();
        assertThat(embedding).isEqualTo(new Index("idx_document_embedding", false, "ivfflat",
                List.of(IndexKey.of("embedding", "vector_cosine_ops")), List.of(), List.of("lists=100"), null, false));
        assertThat(SchemaModelText.line("documents", embedding)).isEqualTo(
                "index documents.idx_document_embedding ivfflat (embedding vector_cosine_ops) with (lists=100)");
    }

    @Test
    void aVectorIndexOnTheDefaultOperatorClassStillNamesIt() {
        Table readings = model.table("readings").orElseThrow();
        assertThat(readings.index("idx_readings_l2").orElseThrow().keys())
                .containsExactly(IndexKey.of("embedding", "vector_l2_ops"));
        Index ip = readings.index("idx_readings_ip").orElseThrow();
        assertThat(ip.method()).isEqualTo("hnsw");
        assertThat(ip.keys()).containsExactly(IndexKey.of("embedding", "vector_ip_ops"));
        assertThat(ip.parameters()).containsExactly("m=8");
    }

    @Test
    void expressionKeysOrderAndPredicateAreRead() {
        Index label = model.table("readings").orElseThrow().index("idx_readings_label").orElseThrow();
        assertThat(label.keys()).containsExactly(new IndexKey("lower(label)", "text_pattern_ops", false, false),
                new IndexKey("recorded_at", null, true, true));
        assertThat(label.predicate()).isEqualTo("label IS NOT NULL");
        // Primary keys and unique constraints are backed by their indexes; btree defaults are not named.
        Index pkey = model.table("companies").orElseThrow().index("companies_pkey").orElseThrow();
        assertThat(pkey.backsConstraint()).isTrue();
        assertThat(pkey.keys()).containsExactly(IndexKey.of("id"));
    }

    @Test
    void quotedNamesGeneratedColumnsAndEveryKindOfConstraintAreRead() {
        Table odd = model.table("Odd Table").orElseThrow();
        assertThat(odd.column("n").orElseThrow().identity()).isEqualTo(Column.Identity.ALWAYS);
        assertThat(odd.column("Mixed Case").orElseThrow().defaultExpression()).isEqualTo("'a: default, b'::text");
        Column doubled = odd.column("doubled").orElseThrow();
        assertThat(doubled.generated()).isTrue();
        assertThat(doubled.defaultExpression()).isEqualTo("(n * 2)");
        assertThat(odd.constraint("uq odd").orElseThrow().columns()).containsExactly("Mixed Case");
        assertThat(odd.constraint("ex_during").orElseThrow().kind()).isEqualTo(Constraint.Kind.EXCLUSION);
        Constraint fk = odd.constraint("fk_odd_company").orElseThrow();
        assertThat(fk.onUpdate()).isEqualTo(Constraint.Action.SET_NULL);
        assertThat(fk.onDelete()).isEqualTo(Constraint.Action.RESTRICT);
        assertThat(odd.constraint("ck_doubled").orElseThrow().kind()).isEqualTo(Constraint.Kind.CHECK);
        assertThat(odd.index("uq odd").orElseThrow().include()).containsExactly("n");
        Index partial = odd.index("idx odd").orElseThrow();
        assertThat(partial.include()).containsExactly("Mixed Case");
        assertThat(partial.predicate()).isEqualTo("n > 0");
        assertThat(model.view("recent_readings").orElseThrow().materialized()).isFalse();
        assertThat(model.functions()).filteredOn(f -> f.name().equals("forget")).singleElement()
                .satisfies(f -> assertThat(f.returns()).isNull());
    }

    @Test
    void theInspectedModelSurvivesItsTextForm() {
        assertThat(SchemaModelText.read(SchemaModelText.write(model))).isEqualTo(model.withoutExtensionVersions());
    }

    @Test
    void theToolsOwnTablesAndFunctionsAreLeftOut() {
        assertThat(db.value("SELECT count(*) FROM pg_tables WHERE tablename IN"
                + " ('flyway_schema_history', 'intel_migrate_operations')")).isEqualTo("2");
        assertThat(model.tables()).extracting(Table::name)
                .noneMatch(n -> n.startsWith("flyway_schema_history") || n.startsWith("intel_migrate_"));
        assertThat(model.functions()).extracting(SqlFunction::name).containsExactly("forget", "set_updated_at");
    }

    @Test
    void timescaleInternalsAreLeftOut() {
        assertThat(Integer.parseInt(db.value("SELECT count(*) FROM timescaledb_information.chunks"))).isGreaterThan(3);
        assertThat(model.tables()).extracting(Table::name).containsExactlyInAnyOrder("analysis_reports", "api_keys",
                "companies", "document_chunks", "documents", "financial_metrics", "market_intelligence", "permissions",
                "readings", "sec_filings", "user_permissions", "user_sessions", "users", "Odd Table");
        assertThat(db.value("SELECT count(*) FROM pg_trigger WHERE tgname = 'ts_insert_blocker'")).isNotEqualTo("0");
        assertThat(model.tables()).flatExtracting(Table::triggers).extracting(Trigger::name)
                .allMatch(n -> n.startsWith("trg_"));
        assertThat(model.table("readings").orElseThrow().triggers()).isEmpty();
    }

    @Test
    void extensionObjectsAreNotUserObjectsButExtensionsKeepTheirVersions() {
        assertThat(model.functions()).extracting(SqlFunction::name).doesNotContain("uuid_generate_v4", "l2_distance");
        assertThat(model.extensions()).extracting(Extension::name).containsExactly("timescaledb", "uuid-ossp", "vector");
        assertThat(model.extension("timescaledb").orElseThrow().version()).startsWith("2.");
        assertThat(model.extension("vector").orElseThrow().version()).isNotBlank();
    }

    @Test
    void inspectingLeavesTheSessionAsItWas() throws SQLException {
        try (Connection connection = db.connect()) {
            String searchPath = setting(connection, "search_path");
            new CatalogInspector().inspect(connection, "public");
            assertThat(connection.getAutoCommit()).isTrue();
            assertThat(setting(connection, "search_path")).isEqualTo(searchPath);

            connection.setAutoCommit(false);
            try (Statement s = connection.createStatement()) {
                s.execute("SET LOCAL search_path TO pg_catalog");
            }
            SchemaModel inTransaction = new CatalogInspector().inspect(connection, "public");
            assertThat(setting(connection, "search_path")).isEqualTo("pg_catalog");
            connection.rollback();
            assertThat(inTransaction).isEqualTo(model);
        }
    }

    @Test
    void aDatabaseWithoutTimescaleOrTheSchemaGivesAnEmptyModel() throws SQLException {
        try (TestDatabase empty = TestServer.createDatabase(); Connection connection = empty.connect()) {
            assertThat(new CatalogInspector().inspect(connection, "public")).isEqualTo(SchemaModel.EMPTY);
            assertThat(new CatalogInspector().inspect(connection, "no_such_schema")).isEqualTo(SchemaModel.EMPTY);
        }
    }

    private static String setting(Connection connection, String name) throws SQLException {
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("SHOW " + name)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
