package com.corpintel.migrate.inspect;

import com.corpintel.migrate.diff.Difference;
import com.corpintel.migrate.diff.SchemaDiff;
import com.corpintel.migrate.timescale.Edition;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The committed expected models: readable, canonical, and the two editions apart only where schema.md says. */
class ExpectedSchemaTest {

    @Test
    void bothEditionsLoadFromTheClassPath() {
        for (Edition edition : Edition.values()) {
            SchemaModel model = ExpectedSchema.load(edition);
            assertThat(model.tables()).as(edition.resourceName).hasSize(12);
            assertThat(model.extensions()).extracting(Extension::name)
                    .containsExactly("timescaledb", "uuid-ossp", "vector");
        }
    }

    @Test
    void theApacheFileIsExactlyWhatSnapshotWrites() {
        String text = ExpectedSchema.text(Edition.APACHE);
        assertThat(SchemaModelText.write(SchemaModelText.read(text))).isEqualTo(text);
    }

    @Test
    void theHandWrittenCommunityFileIsInTheSameCanonicalFormBelowItsHeader() {
        String text = ExpectedSchema.text(Edition.COMMUNITY);
        assertThat(withoutComments(SchemaModelText.write(SchemaModelText.read(text))))
                .isEqualTo(withoutComments(text));
        assertThat(text).contains("DERIVED BY HAND").contains("V2__timescale_features.community.sql");
    }

    @Test
    void theCommunityModelDiffersFromTheApacheOneOnlyInTheLicensedFeatures() {
        SchemaModel apache = ExpectedSchema.load(Edition.APACHE);
        SchemaModel community = ExpectedSchema.load(Edition.COMMUNITY);
        assertThat(SchemaDiff.compare(apache, community)).extracting(Difference::message).containsExactly(
                "view daily_metrics_summary: missing",
                "compression on financial_metrics: unexpected",
                "continuous aggregate daily_metrics_summary: unexpected",
                "job refresh policy on daily_metrics_summary: unexpected",
                "job compression policy on financial_metrics: unexpected",
                "job retention policy on financial_metrics: unexpected");
        // The plain view stands in for the aggregate: same query, same columns.
        View view = apache.view("daily_metrics_summary").orElseThrow();
        ContinuousAggregate aggregate = community.continuousAggregate("daily_metrics_summary").orElseThrow();
        assertThat(aggregate.columns()).isEqualTo(view.columns());
        assertThat(aggregate.definition()).isEqualTo(view.definition());
    }

    @Test
    void theCommunityModelHasTheTimescaleFeaturesOfSchemaMd() {
        SchemaModel community = ExpectedSchema.load(Edition.COMMUNITY);
        Hypertable metrics = community.hypertable("financial_metrics").orElseThrow();
        assertThat(metrics.compressionEnabled()).isTrue();
        assertThat(metrics.segmentBy()).containsExactly("company_id", "metric_type");
        assertThat(metrics.orderBy()).containsExactly("metric_date DESC", "period_type");
        assertThat(community.job(Job.Kind.COMPRESSION, "financial_metrics").orElseThrow().config())
                .isEqualTo(Map.of("compress_after", "30 days"));
        assertThat(community.job(Job.Kind.RETENTION, "financial_metrics").orElseThrow().config())
                .isEqualTo(Map.of("drop_after", "2 years"));
        Job refresh = community.job(Job.Kind.REFRESH, "daily_metrics_summary").orElseThrow();
        assertThat(refresh.config()).isEqualTo(Map.of("start_offset", "3 days", "end_offset", "01:00:00"));
        assertThat(refresh.scheduleInterval()).isEqualTo("01:00:00");
        assertThat(community.continuousAggregate("daily_metrics_summary").orElseThrow().materializedOnly()).isTrue();
    }

    @Test
    void theApacheModelHasTheNamedObjectsOfSchemaMd() {
        SchemaModel apache = ExpectedSchema.load(Edition.APACHE);
        assertThat(apache.hypertable("financial_metrics").orElseThrow())
                .isEqualTo(Hypertable.of("financial_metrics", "metric_date", "30 days"));
        Index embedding = apache.table("documents").orElseThrow().index("idx_document_embedding").orElseThrow();
        assertThat(embedding.method()).isEqualTo("ivfflat");
        assertThat(embedding.keys()).containsExactly(IndexKey.of("embedding", "vector_cosine_ops"));
        assertThat(embedding.parameters()).containsExactly("lists=100");
        Constraint fk = apache.table("sec_filings").orElseThrow().constraint("fk_filing_company").orElseThrow();
        assertThat(fk.onDelete()).isEqualTo(Constraint.Action.CASCADE);
        assertThat(apache.table("users").orElseThrow().column("role").orElseThrow().defaultExpression())
                .isEqualTo("'viewer'::character varying");
        assertThat(apache.view("daily_metrics_summary").orElseThrow().materialized()).isTrue();
        assertThat(apache.jobs()).isEmpty();
        assertThat(apache.continuousAggregates()).isEmpty();
    }

    private static String withoutComments(String text) {
        return String.join("\n", text.lines().filter(l -> !l.startsWith("#")).toList()).strip();
    }

    @Test
    void everyVersionBelowTheHeadHasAModelPerEditionInTheBinary() {
        for (String version : java.util.List.of("1", "2")) {
            for (Edition edition : Edition.values()) {
                assertThat(ExpectedSchema.loadAt(version, "3", edition)).as("V" + version + " " + edition).isPresent();
            }
        }
        assertThat(ExpectedSchema.resource("3", "3", Edition.APACHE)).isEqualTo(ExpectedSchema.resource(Edition.APACHE));
        assertThat(ExpectedSchema.loadAt("4", "3", Edition.APACHE)).isEmpty();
    }

    @Test
    void versionOneIsTheSameOnBothBranchesAndLacksOnlyWhatVersionTwoAdds() {
        SchemaModel apache = ExpectedSchema.loadAt("1", "3", Edition.APACHE).orElseThrow();
        SchemaModel community = ExpectedSchema.loadAt("1", "3", Edition.COMMUNITY).orElseThrow();
        assertThat(SchemaDiff.compare(apache, community)).isEmpty();
        // V2's Apache branch adds the plain view only; compression, policies and the aggregate are community.
        assertThat(SchemaDiff.compare(apache, ExpectedSchema.loadAt("2", "3", Edition.APACHE).orElseThrow()))
                .extracting(Difference::message).containsExactly("view daily_metrics_summary: unexpected");
    }

    @Test
    void theHandDerivedCommunityModelOfVersionTwoIsTheHeadsSinceVersionThreeChangesOnlyData() {
        for (Edition edition : Edition.values()) {
            assertThat(SchemaDiff.compare(ExpectedSchema.load(edition),
                    ExpectedSchema.loadAt("2", "3", edition).orElseThrow())).as(edition.resourceName).isEmpty();
        }
        assertThat(com.corpintel.migrate.migrate.BundledResources.standard()
                .require("db/migration/V3__permission_scopes.sql").lines()
                .filter(l -> !l.isBlank() && !l.startsWith("--") && !l.startsWith(" ") && !l.startsWith("\t")))
                .as("V3 only inserts rows; if it changes the schema, V2's models are no longer the head's")
                .allMatch(l -> l.startsWith("INSERT INTO "));
    }
}
