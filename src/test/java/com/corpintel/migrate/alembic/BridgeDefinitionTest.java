package com.corpintel.migrate.alembic;

import com.corpintel.migrate.diff.Difference;
import com.corpintel.migrate.diff.SchemaDiff;
import com.corpintel.migrate.inspect.ExpectedSchema;
import com.corpintel.migrate.inspect.SchemaModel;
import com.corpintel.migrate.inspect.SchemaModelText;
import com.corpintel.migrate.migrate.BundledResources;
import com.corpintel.migrate.timescale.Edition;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The bundled bridge of revision 001 as the binary reads it: the revision map, its steps, shapes and checks. */
class BridgeDefinitionTest {

    private static final AlembicBridges BRIDGES = AlembicBridges.load(BundledResources.standard());

    private static Bridge bridge001() {
        return BRIDGES.forRevision("001").orElseThrow();
    }

    @Test
    void theRevisionMapNamesRevision001AndItsBridgeToVersion3() {
        assertThat(BRIDGES.revisions()).containsExactly("001");
        Bridge bridge = bridge001();
        assertThat(bridge.directory()).isEqualTo("db/alembic/001/");
        assertThat(bridge.reaches()).isEqualTo("3");
        assertThat(BRIDGES.forRevision("002")).isEmpty();
    }

    @Test
    void aRevisionMapLineIsThreeFieldsAndARevisionOnce() {
        AlembicBridges parsed = AlembicBridges.parse("# comment\n\n001 001 3\n002  002   4\n", BundledResources.standard());
        assertThat(parsed.revisions()).containsExactly("001", "002");
        assertThatThrownBy(() -> AlembicBridges.parse("001 001\n", BundledResources.standard()))
                .hasMessageContaining("is not <revision> <bridge> <version>");
        assertThatThrownBy(() -> AlembicBridges.parse("001 a 3\n001 b 3\n", BundledResources.standard()))
                .hasMessageContaining("names revision 001 twice");
    }

    @Test
    void eachBranchRunsOneScriptPerStepInOrder() {
        Bridge bridge = bridge001();
        assertThat(bridge.steps(Edition.APACHE)).extracting(BridgeScript::label).containsExactly(
                "B01 prepare", "B02 companies", "B05 financial_metrics", "B06 sec_filings", "B07 documents",
                "B08 document_chunks", "B09 vector_indexes", "B10 analysis_reports", "B11 market_intelligence",
                "B12 users", "B13 permissions", "B14 api_keys", "B15 user_sessions", "B16 daily_metrics_summary",
                "B17 permission_scopes");
        assertThat(bridge.steps(Edition.COMMUNITY)).extracting(BridgeScript::label).containsSubsequence(
                "B02 companies", "B03 compression_policy", "B05 financial_metrics");
        assertThat(bridge.steps(Edition.COMMUNITY)).filteredOn(s -> s.number() == 5).singleElement()
                .satisfies(s -> assertThat(s.path()).endsWith(".community.sql"))
                .satisfies(s -> assertThat(s.decompress()).contains("financial_metrics"));
        assertThat(bridge.steps(Edition.APACHE)).allSatisfy(s -> assertThat(s.decompress()).isEmpty());
    }

    @Test
    void everyStepDeclaresItsLocksAndEveryRewriteIsAnAccessExclusiveLock() {
        for (BridgeScript script : bridge001().scripts()) {
            assertThat(script.sql()).as(script.path()).containsPattern("(?m)^-- lock: ");
            assertThat(script.locks()).as(script.path()).allSatisfy(lock -> {
                assertThat(lock.mode()).isIn("ACCESS SHARE", "ROW EXCLUSIVE", "SHARE", "SHARE ROW EXCLUSIVE",
                        "ACCESS EXCLUSIVE");
                if (lock.rewrites()) {
                    assertThat(lock.mode()).isEqualTo("ACCESS EXCLUSIVE");
                }
            });
        }
        BridgeScript companies = bridge001().steps(Edition.APACHE).get(1);
        assertThat(companies.locks()).containsExactly(
                new LockEstimate("companies", "ACCESS EXCLUSIVE", "rewrite: json to jsonb"));
    }

    @Test
    void aStepFileNameAndItsLockLinesAreStrict() {
        assertThat(BridgeScript.isStep("B07__documents.sql")).isTrue();
        assertThat(BridgeScript.isStep("B07__documents.enterprise.sql")).isFalse();
        assertThat(BridgeScript.isStep("checks.sql")).isFalse();
        assertThatThrownBy(() -> BridgeScript.of("x/B01__a.sql", "-- lock: users exclusively\nSELECT 1;"))
                .hasMessageContaining("cannot read '-- lock: users exclusively'");
        BridgeScript script = BridgeScript.of("x/B01__a.sql", "-- lock: users ACCESS EXCLUSIVE\nSELECT 1;\n-- lock: x SHARE\n");
        assertThat(script.locks()).as("only the header counts")
                .containsExactly(new LockEstimate("users", "ACCESS EXCLUSIVE", ""));
    }

    @Test
    void theChecksAreTheFiveKindsTheBridgeDependsOnEachOneSelect() {
        DataCheck.Set checks = bridge001().checks();
        assertThat(checks.setup()).hasSize(2).allSatisfy(s -> assertThat(s).startsWith("CREATE FUNCTION pg_temp."));
        assertThat(checks.checks()).extracting(DataCheck::name).containsExactly("embedding-not-vector",
                "json-not-jsonb", "null-in-not-null", "duplicate-user-permission", "orphan", "too-long",
                "check-constraint");
        assertThat(checks.checks()).allSatisfy(c -> {
            assertThat(c.sql()).startsWith("SELECT");
            assertThat(c.description()).isNotBlank();
        });
        assertThatThrownBy(() -> DataCheck.parse("c.sql", "-- check: two\nSELECT 1;\nSELECT 2;\n"))
                .hasMessageContaining("exactly one SELECT");
    }

    @Test
    void theApacheShapeIsCanonicalAndTheCommunityShapeAddsOnlyRevision001sLicensedFeatures() {
        BundledResources resources = BundledResources.standard();
        Bridge bridge = bridge001();
        String apacheText = resources.require(bridge.shapeResource(Edition.APACHE));
        assertThat(withoutComments(SchemaModelText.write(SchemaModelText.read(apacheText))))
                .isEqualTo(withoutComments(apacheText));
        SchemaModel apache = bridge.shape(Edition.APACHE);
        SchemaModel community = bridge.shape(Edition.COMMUNITY);
        assertThat(SchemaDiff.compare(apache, community)).extracting(Difference::message).containsExactly(
                "compression on financial_metrics: unexpected",
                "continuous aggregate daily_metrics_summary: unexpected",
                "job refresh policy on daily_metrics_summary: unexpected",
                "job compression policy on financial_metrics: unexpected",
                "job retention policy on financial_metrics: unexpected");
        // 001's aggregate is V2's; only the compression order differs from V3's expected model there.
        SchemaModel expected = ExpectedSchema.load(Edition.COMMUNITY);
        assertThat(community.continuousAggregate("daily_metrics_summary"))
                .isEqualTo(expected.continuousAggregate("daily_metrics_summary"));
        assertThat(community.jobs()).isEqualTo(expected.jobs());
        assertThat(community.hypertable("financial_metrics").orElseThrow().orderBy()).containsExactly("metric_date DESC");
        assertThat(community.table("alembic_version")).isPresent();
    }

    private static String withoutComments(String text) {
        return String.join("\n", text.lines().filter(l -> !l.startsWith("#")).toList());
    }

    @Test
    void everyBundledBridgeResourceIsIndexed() {
        List<String> paths = BundledResources.standard().paths();
        assertThat(paths).contains(AlembicBridges.REVISIONS, "db/alembic/001/checks.sql",
                "db/alembic/001/shape.apache.txt", "db/alembic/001/shape.community.txt");
    }
}
