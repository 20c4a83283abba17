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
}
