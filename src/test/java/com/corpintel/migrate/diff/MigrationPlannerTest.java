package com.corpintel.migrate.diff;

import com.corpintel.migrate.inspect.Column;
import com.corpintel.migrate.inspect.Constraint;
import com.corpintel.migrate.inspect.Hypertable;
import com.corpintel.migrate.inspect.Index;
import com.corpintel.migrate.inspect.IndexKey;
import com.corpintel.migrate.inspect.Job;
import com.corpintel.migrate.inspect.SchemaModel;
import com.corpintel.migrate.inspect.Table;
import com.corpintel.migrate.inspect.View;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class MigrationPlannerTest {

    private static final Table COMPANIES = new Table("companies", List.of(
            new Column("id", "uuid", true, null, null, false), Column.of("name", "text", false)),
            List.of(Constraint.of("companies_pkey", "PRIMARY KEY (id)")), List.of(), List.of());

    private static final Table METRICS = new Table("metrics", List.of(
            new Column("id", "uuid", true, null, null, false), new Column("at", "timestamp with time zone", true, null,
                    null, false), Column.of("company_id", "uuid", false)),
            List.of(), List.of(), List.of());

    private static SchemaModel model(List<Table> tables, List<View> views, List<Hypertable> hypertables, List<Job> jobs) {
        return new SchemaModel(List.of(), List.of(), tables, views, hypertables, List.of(), jobs);
    }

    private static SchemaModel tables(Table... tables) {
        return model(List.of(tables), List.of(), List.of(), List.of());
    }

    private static List<String> sql(PlannedScript script) {
        return script.statements().stream().map(PlannedScript.Statement::sql).toList();
    }

    @Test
    void equalModelsNeedNoStatements() {
        assertThat(MigrationPlanner.plan(tables(COMPANIES), tables(COMPANIES)).isEmpty()).isTrue();
    }

    @Test
    void aNewTableIsCreatedBeforeTheTableThatReferencesItAndItsForeignKeyComesAfterBoth() {
        Table filings = new Table("filings", List.of(new Column("id", "uuid", true, null, null, false),
                Column.of("company_id", "uuid", true)),
                List.of(Constraint.of("fk_filing_company", "FOREIGN KEY (company_id) REFERENCES companies(id)")),
                List.of(), List.of());
        Table aaa = new Table("aaa", filings.columns(), filings.constraints(), List.of(), List.of());
        PlannedScript script = MigrationPlanner.plan(tables(), tables(aaa, filings, COMPANIES));
        assertThat(sql(script).get(0)).startsWith("CREATE TABLE companies (");
        assertThat(sql(script).get(1)).startsWith("CREATE TABLE aaa (");
        assertThat(sql(script).get(3)).isEqualTo(
                "ALTER TABLE aaa ADD CONSTRAINT fk_filing_company FOREIGN KEY (company_id) REFERENCES companies(id)");
        assertThat(script.transactional()).isTrue();
        // Undo: dependents first.
        assertThat(sql(MigrationPlanner.plan(tables(aaa, filings, COMPANIES), tables())))
                .containsExactly("DROP TABLE filings", "DROP TABLE aaa", "DROP TABLE companies");
    }

    @Test
    void createTableAlignsColumnsAndKeepsKeysInline() {
        PlannedScript script = MigrationPlanner.plan(tables(), tables(COMPANIES));
        assertThat(script.body()).isEqualTo("""
                CREATE TABLE companies (
                    id   uuid NOT NULL,
                    name text,
                    CONSTRAINT companies_pkey PRIMARY KEY (id)
                );
                """);
    }

    @Test
    void onAnExistingTableForeignKeysAreAddedNotValidThenValidated() {
        Table before = new Table("filings", List.of(Column.of("company_id", "uuid", false)), List.of(), List.of(),
                List.of());
        Table after = new Table("filings", before.columns(),
                List.of(Constraint.of("fk_filing_company", "FOREIGN KEY (company_id) REFERENCES companies(id)")),
                List.of(), List.of());
        assertThat(sql(MigrationPlanner.plan(tables(COMPANIES, before), tables(COMPANIES, after)))).containsExactly(
                "ALTER TABLE filings ADD CONSTRAINT fk_filing_company FOREIGN KEY (company_id) REFERENCES companies(id)"
                        + " NOT VALID",
                "ALTER TABLE filings VALIDATE CONSTRAINT fk_filing_company");
    }

    @Test
    void indexesOnExistingTablesAreBuiltConcurrentlyButPerChunkOnHypertablesAndTheScriptIsNonTransactional() {
        Index hnsw = new Index("idx_embedding", false, "hnsw", List.of(IndexKey.of("embedding", "vector_cosine_ops")),
                List.of(), List.of("m=16", "ef_construction=64"), null, false);
        Index latest = new Index("idx_latest", false, "btree", List.of(IndexKey.of("company_id"),
                new IndexKey("at", null, true, true)), List.of(), List.of(), "company_id IS NOT NULL", false);
        Table companies = new Table("companies", COMPANIES.columns(), COMPANIES.constraints(), List.of(hnsw), List.of());
        Table metrics = new Table("metrics", METRICS.columns(), List.of(), List.of(latest), List.of());
        List<Hypertable> hypertable = List.of(Hypertable.of("metrics", "at", "30 days"));
        PlannedScript script = MigrationPlanner.plan(
                model(List.of(COMPANIES, METRICS), List.of(), hypertable, List.of()),
                model(List.of(companies, metrics), List.of(), hypertable, List.of()));
        assertThat(sql(script)).containsExactly(
                "CREATE INDEX CONCURRENTLY idx_embedding ON companies USING hnsw (embedding vector_cosine_ops)"
                        + " WITH (m = 16, ef_construction = 64)",
                "CREATE INDEX idx_latest ON metrics (company_id, at DESC) WITH (timescaledb.transaction_per_chunk)"
                        + " WHERE company_id IS NOT NULL");
        assertThat(script.transactional()).isFalse();
        PlannedScript undo = MigrationPlanner.plan(
                model(List.of(companies, metrics), List.of(), hypertable, List.of()),
                model(List.of(COMPANIES, METRICS), List.of(), hypertable, List.of()));
        assertThat(sql(undo)).containsExactly("DROP INDEX CONCURRENTLY idx_embedding", "DROP INDEX idx_latest");
    }

    @Test
    void aTypeChangeCastsWhenTheBaseTypeChangesAndANarrowingIsCalledDestructive() {
        Table wide = new Table("t", List.of(new Column("n", "bigint", false, "0", null, false)), List.of(), List.of(),
                List.of());
        Table narrow = new Table("t", List.of(new Column("n", "integer", false, "0", null, false)), List.of(),
                List.of(), List.of());
        PlannedScript widen = MigrationPlanner.plan(tables(narrow), tables(wide));
        assertThat(sql(widen)).containsExactly("ALTER TABLE t ALTER COLUMN n DROP DEFAULT",
                "ALTER TABLE t ALTER COLUMN n TYPE bigint USING n::bigint", "ALTER TABLE t ALTER COLUMN n SET DEFAULT 0");
        assertThat(widen.warnings()).isEmpty();
        PlannedScript narrowing = MigrationPlanner.plan(tables(wide), tables(narrow));
        assertThat(narrowing.warnings()).singleElement().asString().contains("from bigint to integer");
        assertThat(narrowing.body()).contains("-- DESTRUCTIVE: changes the type of t.n");
        assertThat(MigrationPlanner.widens("character varying(10)", "character varying(20)")).isTrue();
        assertThat(MigrationPlanner.widens("character varying(20)", "character varying(10)")).isFalse();
    }

    @Test
    void droppingATableOrColumnIsCommentedAndWarned() {
        PlannedScript script = MigrationPlanner.plan(tables(COMPANIES, METRICS), tables(new Table("companies",
                List.of(COMPANIES.columns().get(0)), COMPANIES.constraints(), List.of(), List.of())));
        assertThat(script.warnings()).containsExactly("drops table metrics and every row in it",
                "drops column companies.name and its data");
        assertThat(script.body()).contains("-- DESTRUCTIVE: drops table metrics and every row in it\nDROP TABLE metrics;");
    }

    @Test
    void policiesGoFirstAndComeLastAndAViewIsRebuiltWhenAColumnItReadsChangesType() {
        View view = new View("names", false, " SELECT companies.name FROM companies;", List.of(), List.of());
        Table renamed = new Table("companies", List.of(COMPANIES.columns().get(0), Column.of("name", "character varying(50)",
                false)), COMPANIES.constraints(), List.of(), List.of());
        List<Hypertable> hypertable = List.of(Hypertable.of("metrics", "at", "30 days"));
        Job twoYears = Job.of(Job.Kind.RETENTION, "metrics", "1 day", Map.of("drop_after", "2 years"));
        Job threeYears = Job.of(Job.Kind.RETENTION, "metrics", "1 day", Map.of("drop_after", "3 years"));
        List<String> sql = sql(MigrationPlanner.plan(
                model(List.of(COMPANIES, METRICS), List.of(view), hypertable, List.of(twoYears)),
                model(List.of(renamed, METRICS), List.of(view), hypertable, List.of(threeYears))));
        assertThat(sql).containsExactly(
                "SELECT remove_retention_policy('metrics', if_exists => true)",
                "DROP VIEW names",
                "ALTER TABLE companies ALTER COLUMN name TYPE character varying(50) USING name::character varying(50)",
                "CREATE VIEW names AS\nSELECT companies.name FROM companies",
                "SELECT add_retention_policy('metrics', drop_after => INTERVAL '3 years',"
                        + " schedule_interval => INTERVAL '1 day')");
    }
}
