package com.corpintel.migrate.validate;

import com.corpintel.migrate.inspect.ExpectedSchema;
import com.corpintel.migrate.inspect.Job;
import com.corpintel.migrate.inspect.SchemaModel;
import com.corpintel.migrate.report.Check;
import com.corpintel.migrate.timescale.Edition;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The community-license half of validate, which this machine cannot run against a
 * real server: the committed community model against itself and against models
 * with one TimescaleDB feature taken away.
 */
class SchemaChecksTest {

    private static final SchemaModel COMMUNITY = ExpectedSchema.load(Edition.COMMUNITY);

    private static Check check(List<Check> checks, String name) {
        return checks.stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
    }

    private static SchemaModel withoutJob(SchemaModel model, Job.Kind kind) {
        return new SchemaModel(model.extensions(), model.functions(), model.tables(), model.views(),
                model.hypertables(), model.continuousAggregates(),
                model.jobs().stream().filter(j -> j.kind() != kind).toList());
    }

    @Test
    void theExpectedCommunitySchemaPassesEveryCheck() {
        List<Check> checks = SchemaChecks.evaluate(COMMUNITY, COMMUNITY, Edition.COMMUNITY);
        assertThat(checks).extracting(Check::status).containsOnly(Check.Status.PASSED);
        assertThat(checks).extracting(Check::name).containsExactly("tables", "columns", "constraints", "indexes",
                "triggers and functions", "hypertable", "compression", "compression policy", "retention policy",
                "continuous aggregate", "refresh policy", "vector columns");
    }

    @Test
    void aMissingCompressionPolicyFailsThatCheckAndNamesIt() {
        List<Check> checks = SchemaChecks.evaluate(COMMUNITY, withoutJob(COMMUNITY, Job.Kind.COMPRESSION),
                Edition.COMMUNITY);
        Check policy = check(checks, "compression policy");
        assertThat(policy.status()).isEqualTo(Check.Status.FAILED);
        assertThat(policy.findings()).containsExactly("job compression policy on financial_metrics: missing");
        assertThat(policy.nextStep()).isNotBlank();
        assertThat(check(checks, "retention policy").status()).isEqualTo(Check.Status.PASSED);
    }

    @Test
    void aMissingRetentionOrRefreshPolicyFailsItsOwnCheck() {
        assertThat(check(SchemaChecks.evaluate(COMMUNITY, withoutJob(COMMUNITY, Job.Kind.RETENTION),
                Edition.COMMUNITY), "retention policy").findings())
                .containsExactly("job retention policy on financial_metrics: missing");
        Check refresh = check(SchemaChecks.evaluate(COMMUNITY, withoutJob(COMMUNITY, Job.Kind.REFRESH),
                Edition.COMMUNITY), "refresh policy");
        assertThat(refresh.status()).isEqualTo(Check.Status.FAILED);
        assertThat(refresh.findings()).singleElement().asString().contains("refresh policy", "missing");
    }

    @Test
    void aHypertableWithoutCompressionFailsTheCompressionCheck() {
        SchemaModel uncompressed = new SchemaModel(COMMUNITY.extensions(), COMMUNITY.functions(), COMMUNITY.tables(),
                COMMUNITY.views(), COMMUNITY.hypertables().stream().map(h -> new com.corpintel.migrate.inspect.Hypertable(
                        h.table(), h.timeColumn(), h.chunkInterval(), false, List.of(), List.of())).toList(),
                COMMUNITY.continuousAggregates(), COMMUNITY.jobs());
        Check compression = check(SchemaChecks.evaluate(COMMUNITY, uncompressed, Edition.COMMUNITY), "compression");
        assertThat(compression.status()).isEqualTo(Check.Status.FAILED);
        assertThat(compression.findings()).anyMatch(f -> f.startsWith("compression on financial_metrics"));
    }

    @Test
    void underTheApacheLicenseTheSkippedFeaturesAreDegradedByName() {
        SchemaModel apache = ExpectedSchema.load(Edition.APACHE);
        List<Check> checks = SchemaChecks.evaluate(apache, apache, Edition.APACHE);
        for (String name : List.of("compression", "compression policy", "retention policy", "continuous aggregate",
                "refresh policy")) {
            assertThat(check(checks, name).status()).as(name).isEqualTo(Check.Status.DEGRADED);
        }
        assertThat(check(checks, "continuous aggregate").detail()).contains("daily_metrics_summary");
        assertThat(check(checks, "hypertable").status()).isEqualTo(Check.Status.PASSED);
    }

    @Test
    void underTheApacheLicenseAMissingSummaryViewFailsInsteadOfDegrading() {
        SchemaModel apache = ExpectedSchema.load(Edition.APACHE);
        SchemaModel withoutView = new SchemaModel(apache.extensions(), apache.functions(), apache.tables(), List.of(),
                apache.hypertables(), apache.continuousAggregates(), apache.jobs());
        Check view = check(SchemaChecks.evaluate(apache, withoutView, Edition.APACHE), "continuous aggregate");
        assertThat(view.status()).isEqualTo(Check.Status.FAILED);
        assertThat(view.findings()).anyMatch(f -> f.contains("daily_metrics_summary") && f.contains("missing"));
    }

    @Test
    void aMissingTableFailsTheChecksOfItsPartsInsteadOfPassingThemByOmission() {
        SchemaModel apache = ExpectedSchema.load(Edition.APACHE);
        SchemaModel withoutDocuments = new SchemaModel(apache.extensions(), apache.functions(),
                apache.tables().stream().filter(t -> !t.name().equals("document_chunks")).toList(), apache.views(),
                apache.hypertables(), apache.continuousAggregates(), apache.jobs());
        List<Check> checks = SchemaChecks.evaluate(apache, withoutDocuments, Edition.APACHE);
        assertThat(check(checks, "tables").findings()).contains("table document_chunks: missing");
        for (String name : List.of("columns", "constraints", "indexes", "vector columns")) {
            assertThat(check(checks, name).status()).as(name).isEqualTo(Check.Status.FAILED);
            assertThat(check(checks, name).findings()).as(name).anyMatch(f -> f.contains("document_chunks"));
        }
    }

    @Test
    void anUnexpectedPlainViewIsReportedWithTheTablesNotAsTheSummary() {
        SchemaModel apache = ExpectedSchema.load(Edition.APACHE);
        var extraView = new com.corpintel.migrate.inspect.View("scratch_view", false, "SELECT 1", List.of(), List.of());
        List<com.corpintel.migrate.inspect.View> views = new java.util.ArrayList<>(apache.views());
        views.add(extraView);
        SchemaModel withView = new SchemaModel(apache.extensions(), apache.functions(), apache.tables(), views,
                apache.hypertables(), apache.continuousAggregates(), apache.jobs());
        List<Check> checks = SchemaChecks.evaluate(apache, withView, Edition.APACHE);
        assertThat(check(checks, "tables").findings()).singleElement().asString().contains("scratch_view", "unexpected");
        assertThat(check(checks, "continuous aggregate").status()).isEqualTo(Check.Status.DEGRADED);
    }
}
