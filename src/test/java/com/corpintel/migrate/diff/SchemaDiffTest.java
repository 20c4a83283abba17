package com.corpintel.migrate.diff;

import com.corpintel.migrate.inspect.Column;
import com.corpintel.migrate.inspect.Constraint;
import com.corpintel.migrate.inspect.ContinuousAggregate;
import com.corpintel.migrate.inspect.Extension;
import com.corpintel.migrate.inspect.Hypertable;
import com.corpintel.migrate.inspect.Index;
import com.corpintel.migrate.inspect.IndexKey;
import com.corpintel.migrate.inspect.Job;
import com.corpintel.migrate.inspect.SampleModels;
import com.corpintel.migrate.inspect.SchemaModel;
import com.corpintel.migrate.inspect.SqlFunction;
import com.corpintel.migrate.inspect.Table;
import com.corpintel.migrate.inspect.Trigger;
import com.corpintel.migrate.inspect.View;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;

class SchemaDiffTest {

    private static final SchemaModel EXPECTED = SampleModels.platform();

    @Test
    void identicalModelsHaveNoDifferences() {
        assertThat(SchemaDiff.compare(EXPECTED, SampleModels.platform())).isEmpty();
        assertThat(SchemaDiff.compare(SampleModels.everything(), SampleModels.everything())).isEmpty();
    }

    @Test
    void extensionVersionsAreNotCompared() {
        SchemaModel actual = withExtensions(List.of(new Extension("timescaledb", "2.19.3"),
                new Extension("vector", "0.8.0"), new Extension("uuid-ossp", "1.1")));
        assertThat(SchemaDiff.compare(EXPECTED, actual)).isEmpty();
    }

    @Test
    void aMissingExtensionIsNamed() {
        SchemaModel actual = withExtensions(List.of(new Extension("timescaledb", "2.19.3"),
                new Extension("uuid-ossp", "1.1"), new Extension("postgis", "3.4")));
        assertThat(messages(EXPECTED, actual)).containsExactly("extension vector: missing",
                "extension postgis: unexpected");
    }

    @Test
    void aMissingTableIsOneDifferenceNotOnePerColumn() {
        SchemaModel actual = withTables(tables -> tables.removeIf(t -> t.name().equals("companies")));
        List<Difference> differences = SchemaDiff.compare(EXPECTED, actual);
        assertThat(differences).extracting(Difference::message).containsExactly("table companies: missing");
        Difference missing = differences.get(0);
        assertThat(missing.kind()).isEqualTo(Difference.Kind.TABLE);
        assertThat(missing.change()).isEqualTo(Difference.Change.MISSING);
        assertThat(missing.expected()).isEqualTo("table companies");
        assertThat(missing.found()).isNull();
    }

    @Test
    void anUnexpectedTableIsNamed() {
        SchemaModel actual = withTables(tables -> tables.add(new Table("alembic_version",
                List.of(Column.of("version_num", "character varying(32)", true)), List.of(), List.of(), List.of())));
        assertThat(messages(EXPECTED, actual)).containsExactly("table alembic_version: unexpected");
    }

    @Test
    void aColumnOfAnotherTypeIsReportedWithBothTypes() {
        SchemaModel actual = withColumn("companies", "ticker", c -> new Column(c.name(), "text", c.notNull(),
                c.defaultExpression(), c.identity(), false));
        List<Difference> differences = SchemaDiff.compare(EXPECTED, actual);
        assertThat(differences).extracting(Difference::message)
                .containsExactly("column companies.ticker: type character varying(10) expected, text found");
        assertThat(differences.get(0).aspect()).isEqualTo("type");
        assertThat(differences.get(0).table()).isEqualTo("companies");
        assertThat(differences.get(0).name()).isEqualTo("ticker");
    }

    @Test
    void aNullableColumnThatShouldBeNotNullIsReported() {
        SchemaModel actual = withColumn("users", "email", c -> Column.of(c.name(), c.type(), false));
        assertThat(messages(EXPECTED, actual)).containsExactly("column users.email: NOT NULL expected, nullable found");
    }

    @Test
    void aMissingDefaultIsReportedAsNull() {
        SchemaModel actual = withColumn("users", "role", c -> Column.of(c.name(), c.type(), c.notNull()));
        assertThat(messages(EXPECTED, actual))
                .containsExactly("column users.role: default 'viewer'::character varying expected, NULL found");
    }

    @Test
    void anIdentityOfTheOtherKindIsReported() {
        SchemaModel actual = withColumn("financial_metrics", "id",
                c -> new Column(c.name(), c.type(), true, null, Column.Identity.ALWAYS, false));
        assertThat(messages(EXPECTED, actual))
                .containsExactly("column financial_metrics.id: identity by default expected, always found");
    }

    @Test
    void missingAndUnexpectedColumnsAreNamed() {
        SchemaModel actual = withTable("companies", t -> new Table(t.name(),
                List.of(t.columns().get(0), t.columns().get(1), Column.of("legacy_code", "text", false)),
                t.constraints(), t.indexes(), t.triggers()));
        assertThat(messages(EXPECTED, actual)).containsExactly("column companies.category: missing",
                "column companies.legacy_code: unexpected");
    }

    @Test
    void columnOrderIsNotADifference() {
        SchemaModel actual = withTable("companies", t -> new Table(t.name(),
                List.of(t.columns().get(2), t.columns().get(1), t.columns().get(0)),
                t.constraints(), t.indexes(), t.triggers()));
        assertThat(SchemaDiff.compare(EXPECTED, actual)).isEmpty();
    }

    @Test
    void aForeignKeyWithAnotherOnDeleteActionIsReported() {
        SchemaModel actual = withTable("sec_filings", t -> new Table(t.name(), t.columns(),
                List.of(Constraint.of("fk_filing_company",
                        "FOREIGN KEY (company_id) REFERENCES companies(id) ON DELETE SET NULL")),
                t.indexes(), t.triggers()));
        List<Difference> differences = SchemaDiff.compare(EXPECTED, actual);
        assertThat(differences).extracting(Difference::message).containsExactly(
                "constraint fk_filing_company on sec_filings: ON DELETE CASCADE expected, SET NULL found");
        assertThat(differences.get(0).kind()).isEqualTo(Difference.Kind.CONSTRAINT);
    }

    @Test
    void aMissingConstraintIsNamedWithItsTable() {
        SchemaModel actual = withTable("sec_filings", t -> new Table(t.name(), t.columns(), List.of(), t.indexes(),
                t.triggers()));
        List<Difference> differences = SchemaDiff.compare(EXPECTED, actual);
        assertThat(differences).extracting(Difference::message)
                .containsExactly("constraint fk_filing_company on sec_filings: missing");
        assertThat(differences.get(0).expected()).isEqualTo("constraint sec_filings.fk_filing_company"
                + " FOREIGN KEY (company_id) REFERENCES companies(id) ON DELETE CASCADE");
    }

    @Test
    void aConstraintOverOtherColumnsOrTablesIsReported() {
        SchemaModel actual = withTable("sec_filings", t -> new Table(t.name(), t.columns(),
                List.of(Constraint.of("fk_filing_company",
                        "FOREIGN KEY (id) REFERENCES users(id) ON DELETE CASCADE")), t.indexes(), t.triggers()));
        assertThat(messages(EXPECTED, actual)).containsExactly(
                "constraint fk_filing_company on sec_filings: columns (company_id) expected, (id) found",
                "constraint fk_filing_company on sec_filings: references companies (id) expected, users (id) found");
    }

    @Test
    void aConstraintOfAnotherKindIsReportedOnce() {
        SchemaModel actual = withTable("companies", t -> new Table(t.name(), t.columns(),
                List.of(t.constraints().get(0), Constraint.of("uq_company_ticker", "CHECK (ticker IS NOT NULL)")),
                t.indexes(), t.triggers()));
        assertThat(messages(EXPECTED, actual))
                .containsExactly("constraint uq_company_ticker on companies: UNIQUE expected, CHECK found");
    }

    @Test
    void aCheckWithAnotherExpressionIsReportedByItsDefinition() {
        SchemaModel actual = withTable("users", t -> new Table(t.name(), t.columns(),
                List.of(Constraint.of("ck_user_role", "CHECK (role IS NOT NULL)")), t.indexes(), t.triggers()));
        List<Difference> differences = SchemaDiff.compare(EXPECTED, actual);
        assertThat(differences).hasSize(1);
        assertThat(differences.get(0).aspect()).isEqualTo("definition");
        assertThat(differences.get(0).message()).startsWith("constraint ck_user_role on users: definition CHECK (role")
                .endsWith("expected, CHECK (role IS NOT NULL) found");
    }

    @Test
    void missingAndUnexpectedIndexesAreNamedWithTheirTable() {
        SchemaModel actual = withTable("companies", t -> new Table(t.name(), t.columns(), t.constraints(),
                List.of(t.indexes().get(0), t.indexes().get(2), Index.of("idx_extra", "btree", IndexKey.of("ticker"))),
                t.triggers()));
        assertThat(messages(EXPECTED, actual)).containsExactly("index idx_company_category on companies: missing",
                "index idx_extra on companies: unexpected");
    }

    @Test
    void anIndexWithAnotherOperatorClassIsReported() {
        SchemaModel actual = withEmbeddingIndex(new Index("idx_document_embedding", false, "ivfflat",
                List.of(IndexKey.of("embedding", "vector_l2_ops")), List.of(), List.of("lists=100"), null, false));
        assertThat(messages(EXPECTED, actual)).containsExactly("index idx_document_embedding on documents:"
                + " operator class vector_cosine_ops expected, vector_l2_ops found");
    }

    @Test
    void anIndexWithOtherMethodOrParametersIsReported() {
        SchemaModel actual = withEmbeddingIndex(new Index("idx_document_embedding", false, "hnsw",
                List.of(IndexKey.of("embedding", "vector_cosine_ops")), List.of(), List.of(), null, false));
        assertThat(messages(EXPECTED, actual)).containsExactly(
                "index idx_document_embedding on documents: method ivfflat expected, hnsw found",
                "index idx_document_embedding on documents: parameters (lists=100) expected, none found");
    }

    @Test
    void anIndexOverOtherColumnsOrInAnotherOrderIsReported() {
        SchemaModel other = withTable("companies", t -> new Table(t.name(), t.columns(), t.constraints(),
                List.of(t.indexes().get(0), Index.of("idx_company_category", "btree", IndexKey.of("ticker")),
                        t.indexes().get(2)), t.triggers()));
        assertThat(messages(EXPECTED, other)).containsExactly(
                "index idx_company_category on companies: columns (category) expected, (ticker) found");
        SchemaModel descending = withTable("companies", t -> new Table(t.name(), t.columns(), t.constraints(),
                List.of(t.indexes().get(0), Index.of("idx_company_category", "btree",
                        new IndexKey("category", null, true, true)), t.indexes().get(2)), t.triggers()));
        assertThat(messages(EXPECTED, descending)).containsExactly(
                "index idx_company_category on companies: order of category ASC expected, DESC found");
    }

    @Test
    void anIndexThatLostUniquenessPredicateOrConstraintIsReported() {
        SchemaModel actual = withTable("companies", t -> new Table(t.name(), t.columns(), t.constraints(),
                List.of(t.indexes().get(0), t.indexes().get(1), new Index("uq_company_ticker", false, "btree",
                        List.of(IndexKey.of("ticker")), List.of(), List.of(), "ticker IS NOT NULL", false)),
                t.triggers()));
        assertThat(messages(EXPECTED, actual)).containsExactly(
                "index uq_company_ticker on companies: unique expected, not unique found",
                "index uq_company_ticker on companies: predicate none expected, ticker IS NOT NULL found",
                "index uq_company_ticker on companies: backing a constraint expected, not backing a constraint found");
    }

    @Test
    void triggersAreComparedByDefinition() {
        SchemaModel changed = withTable("companies", t -> new Table(t.name(), t.columns(), t.constraints(),
                t.indexes(), List.of(new Trigger("trg_companies_updated_at", "CREATE TRIGGER trg_companies_updated_at"
                + " BEFORE INSERT ON companies FOR EACH ROW EXECUTE FUNCTION set_updated_at()"))));
        assertThat(messages(EXPECTED, changed)).singleElement().asString()
                .startsWith("trigger trg_companies_updated_at on companies: definition CREATE TRIGGER");
        SchemaModel gone = withTable("companies", t -> new Table(t.name(), t.columns(), t.constraints(),
                t.indexes(), List.of()));
        assertThat(messages(EXPECTED, gone)).containsExactly("trigger trg_companies_updated_at on companies: missing");
    }

    @Test
    void aPlainViewInsteadOfAMaterializedOneIsReportedWithItsColumns() {
        View expected = EXPECTED.view("daily_metrics_summary").orElseThrow();
        SchemaModel actual = withViews(List.of(new View(expected.name(), false, expected.definition(),
                List.of(expected.columns().get(0), Column.of("data_points", "integer", false)), List.of())));
        assertThat(messages(EXPECTED, actual)).containsExactly(
                "view daily_metrics_summary: materialized view expected, view found",
                "column daily_metrics_summary.data_points: type bigint expected, integer found");
    }

    @Test
    void aMissingViewAndAnotherDefinitionAreReported() {
        assertThat(messages(EXPECTED, withViews(List.of()))).containsExactly("view daily_metrics_summary: missing");
        View expected = EXPECTED.view("daily_metrics_summary").orElseThrow();
        SchemaModel changed = withViews(List.of(new View(expected.name(), true, "SELECT 1;", expected.columns(),
                List.of())));
        assertThat(messages(EXPECTED, changed)).singleElement().asString()
                .startsWith("view daily_metrics_summary: definition SELECT financial_metrics.company_id")
                .endsWith("expected, SELECT 1; found");
    }

    @Test
    void functionsAreComparedBySignatureAndBody() {
        SqlFunction expected = EXPECTED.functions().get(0);
        SchemaModel changed = withFunctions(List.of(new SqlFunction(expected.name(), "", "plpgsql", "trigger",
                "BEGIN RETURN NEW; END;")));
        assertThat(messages(EXPECTED, changed)).containsExactly("function set_updated_at(): body"
                + " BEGIN NEW.updated_at := now(); RETURN NEW; END; expected, BEGIN RETURN NEW; END; found");
        assertThat(messages(EXPECTED, withFunctions(List.of()))).containsExactly("function set_updated_at(): missing");
    }

    @Test
    void aHypertableWithAnotherChunkIntervalIsReported() {
        SchemaModel actual = withHypertables(List.of(Hypertable.of("financial_metrics", "metric_date", "7 days")));
        List<Difference> differences = SchemaDiff.compare(EXPECTED, actual);
        assertThat(differences).extracting(Difference::message)
                .containsExactly("hypertable financial_metrics: chunk interval 30 days expected, 7 days found");
        assertThat(differences.get(0).kind()).isEqualTo(Difference.Kind.HYPERTABLE);
    }

    @Test
    void aTableThatIsNoHypertableIsReported() {
        assertThat(messages(EXPECTED, withHypertables(List.of())))
                .containsExactly("hypertable financial_metrics: missing");
        assertThat(messages(EXPECTED, withHypertables(List.of(Hypertable.of("financial_metrics", "created_at",
                "30 days"))))).containsExactly("hypertable financial_metrics: time column metric_date expected,"
                + " created_at found");
    }

    @Test
    void compressionIsReportedOnItsOwn() {
        SchemaModel community = SampleModels.platformCommunity();
        Hypertable uncompressed = Hypertable.of("financial_metrics", "metric_date", "30 days");
        SchemaModel withoutCompression = new SchemaModel(community.extensions(), community.functions(),
                community.tables(), community.views(), List.of(uncompressed), community.continuousAggregates(),
                community.jobs());
        List<Difference> differences = SchemaDiff.compare(community, withoutCompression);
        assertThat(differences).extracting(Difference::message)
                .containsExactly("compression on financial_metrics: missing");
        assertThat(differences.get(0).kind()).isEqualTo(Difference.Kind.COMPRESSION);
        assertThat(differences.get(0).expected())
                .isEqualTo("compression on segment by company_id, metric_type order by metric_date DESC, period_type");

        SchemaModel otherSettings = new SchemaModel(community.extensions(), community.functions(), community.tables(),
                community.views(), List.of(new Hypertable("financial_metrics", "metric_date", "30 days", true,
                List.of("company_id"), List.of("metric_date DESC"))), community.continuousAggregates(),
                community.jobs());
        assertThat(messages(community, otherSettings)).containsExactly(
                "compression on financial_metrics: segment by company_id, metric_type expected, company_id found",
                "compression on financial_metrics: order by metric_date DESC, period_type expected,"
                        + " metric_date DESC found");
    }

    @Test
    void missingPoliciesAreNamedByKindAndTarget() {
        SchemaModel community = SampleModels.platformCommunity();
        SchemaModel withoutJobs = new SchemaModel(community.extensions(), community.functions(), community.tables(),
                community.views(), community.hypertables(), community.continuousAggregates(), List.of());
        List<Difference> differences = SchemaDiff.compare(community, withoutJobs);
        assertThat(differences).extracting(Difference::message).containsExactly(
                "job refresh policy on daily_metrics_summary: missing",
                "job compression policy on financial_metrics: missing",
                "job retention policy on financial_metrics: missing");
        assertThat(differences.get(1).kind()).isEqualTo(Difference.Kind.JOB);
        assertThat(differences.get(1).name()).isEqualTo("compression policy");
        assertThat(differences.get(1).table()).isEqualTo("financial_metrics");
    }

    @Test
    void aPolicyWithOtherParametersOrScheduleIsReported() {
        SchemaModel community = SampleModels.platformCommunity();
        List<Job> jobs = new ArrayList<>(community.jobs());
        jobs.replaceAll(j -> j.kind() == Job.Kind.COMPRESSION
                ? new Job(j.kind(), j.target(), "1 day", new TreeMap<>(Map.of("compress_after", "7 days")),
                false)
                : j);
        SchemaModel changed = new SchemaModel(community.extensions(), community.functions(), community.tables(),
                community.views(), community.hypertables(), community.continuousAggregates(), jobs);
        assertThat(messages(community, changed)).containsExactly(
                "job compression policy on financial_metrics: schedule interval 12:00:00 expected, 1 day found",
                "job compression policy on financial_metrics: scheduled expected, paused found",
                "job compression policy on financial_metrics: compress_after 30 days expected, 7 days found");
    }

    @Test
    void aContinuousAggregateReplacedByAPlainViewIsReportedBothWays() {
        List<Difference> differences = SchemaDiff.compare(SampleModels.platformCommunity(), SampleModels.platform());
        assertThat(differences).extracting(Difference::message).containsExactly(
                "view daily_metrics_summary: unexpected",
                "compression on financial_metrics: missing",
                "continuous aggregate daily_metrics_summary: missing",
                "job refresh policy on daily_metrics_summary: missing",
                "job compression policy on financial_metrics: missing",
                "job retention policy on financial_metrics: missing");
        assertThat(differences.get(2).kind()).isEqualTo(Difference.Kind.CONTINUOUS_AGGREGATE);
    }

    @Test
    void aRealTimeAggregateIsReported() {
        SchemaModel community = SampleModels.platformCommunity();
        ContinuousAggregate aggregate = community.continuousAggregates().get(0);
        SchemaModel realTime = new SchemaModel(community.extensions(), community.functions(), community.tables(),
                community.views(), community.hypertables(), List.of(new ContinuousAggregate(aggregate.name(), false,
                aggregate.definition(), aggregate.columns())), community.jobs());
        assertThat(messages(community, realTime)).containsExactly(
                "continuous aggregate daily_metrics_summary: materialized only expected, real-time found");
    }

    // ------------------------------------------------------------------ building variants of the sample

    private static List<String> messages(SchemaModel expected, SchemaModel actual) {
        return SchemaDiff.compare(expected, actual).stream().map(Difference::message).toList();
    }

    private static SchemaModel withExtensions(List<Extension> extensions) {
        return new SchemaModel(extensions, EXPECTED.functions(), EXPECTED.tables(), EXPECTED.views(),
                EXPECTED.hypertables(), EXPECTED.continuousAggregates(), EXPECTED.jobs());
    }

    private static SchemaModel withFunctions(List<SqlFunction> functions) {
        return new SchemaModel(EXPECTED.extensions(), functions, EXPECTED.tables(), EXPECTED.views(),
                EXPECTED.hypertables(), EXPECTED.continuousAggregates(), EXPECTED.jobs());
    }

    private static SchemaModel withTables(Consumer<List<Table>> change) {
        List<Table> tables = new ArrayList<>(EXPECTED.tables());
        change.accept(tables);
        return new SchemaModel(EXPECTED.extensions(), EXPECTED.functions(), tables, EXPECTED.views(),
                EXPECTED.hypertables(), EXPECTED.continuousAggregates(), EXPECTED.jobs());
    }

    private static SchemaModel withTable(String name, UnaryOperator<Table> change) {
        return withTables(tables -> tables.replaceAll(t -> t.name().equals(name) ? change.apply(t) : t));
    }

    private static SchemaModel withColumn(String table, String column, UnaryOperator<Column> change) {
        return withTable(table, t -> new Table(t.name(),
                t.columns().stream().map(c -> c.name().equals(column) ? change.apply(c) : c).toList(),
                t.constraints(), t.indexes(), t.triggers()));
    }

    private static SchemaModel withEmbeddingIndex(Index index) {
        return withTable("documents", t -> new Table(t.name(), t.columns(), t.constraints(), List.of(index),
                t.triggers()));
    }

    private static SchemaModel withViews(List<View> views) {
        return new SchemaModel(EXPECTED.extensions(), EXPECTED.functions(), EXPECTED.tables(), views,
                EXPECTED.hypertables(), EXPECTED.continuousAggregates(), EXPECTED.jobs());
    }

    private static SchemaModel withHypertables(List<Hypertable> hypertables) {
        return new SchemaModel(EXPECTED.extensions(), EXPECTED.functions(), EXPECTED.tables(), EXPECTED.views(),
                hypertables, EXPECTED.continuousAggregates(), EXPECTED.jobs());
    }
}
