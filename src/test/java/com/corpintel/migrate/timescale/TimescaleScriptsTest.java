package com.corpintel.migrate.timescale;

import com.corpintel.migrate.migrate.BundledMigrations;
import com.corpintel.migrate.migrate.TimescaleFeaturesMigration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The license-dependent scripts of version 2 that the binary bundles. */
class TimescaleScriptsTest {

    private static final Pattern LINE_COMMENT = Pattern.compile("--[^\n]*");

    private static String resource(String path) {
        try (InputStream in = TimescaleScriptsTest.class.getClassLoader().getResourceAsStream(path)) {
            assertThat(in).as("class-path resource %s", path).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new AssertionError("cannot read " + path, e);
        }
    }

    /** The statements only: comments may mention anything. */
    private static String sql(String path) {
        return LINE_COMMENT.matcher(resource(path)).replaceAll("");
    }

    private static String undoPath(Edition edition) {
        return BundledMigrations.UNDO_DIRECTORY + "U2__timescale_features." + edition.resourceName + ".sql";
    }

    @Test
    void forwardScriptPathFollowsTheEditionsResourceName() {
        assertThat(TimescaleFeaturesMigration.scriptPath(Edition.COMMUNITY))
                .isEqualTo("db/timescale/V2__timescale_features.community.sql");
        assertThat(TimescaleFeaturesMigration.scriptPath(Edition.APACHE))
                .isEqualTo("db/timescale/V2__timescale_features.apache.sql");
    }

    @ParameterizedTest
    @EnumSource(Edition.class)
    void everyEditionHasANonEmptyForwardScriptOnTheClassPath(Edition edition) {
        assertThat(sql(TimescaleFeaturesMigration.scriptPath(edition))).isNotBlank();
    }

    @ParameterizedTest
    @EnumSource(Edition.class)
    void everyEditionHasANonEmptyUndoScriptOnTheClassPath(Edition edition) {
        assertThat(sql(undoPath(edition))).isNotBlank();
    }

    @ParameterizedTest
    @EnumSource(Edition.class)
    void bundledScriptsReadsTheForwardScriptOfEveryEdition(Edition edition) {
        String path = TimescaleFeaturesMigration.scriptPath(edition);

        assertThat(new BundledMigrations().resources().require(path)).isEqualTo(resource(path));
    }

    @Test
    void communityForwardScriptUsesEveryTimescaleFeature() {
        assertThat(sql(TimescaleFeaturesMigration.scriptPath(Edition.COMMUNITY)))
                .contains("timescaledb.compress")
                .contains("add_compression_policy")
                .contains("add_retention_policy")
                .contains("timescaledb.continuous")
                .contains("add_continuous_aggregate_policy");
    }

    @Test
    void apacheForwardScriptUsesNoCommunityOnlyFeature() {
        String script = resource(TimescaleFeaturesMigration.scriptPath(Edition.APACHE));

        assertThat(script)
                .doesNotContain("add_compression_policy")
                .doesNotContain("add_retention_policy")
                .doesNotContain("timescaledb.continuous")
                .doesNotContain("add_continuous_aggregate_policy")
                .doesNotContain("timescaledb.compress");
    }

    @Test
    void apacheForwardScriptCreatesDailyMetricsSummaryAsAPlainMaterializedView() {
        String script = sql(TimescaleFeaturesMigration.scriptPath(Edition.APACHE));

        assertThat(script).containsPattern("CREATE MATERIALIZED VIEW daily_metrics_summary\\s+AS\\b");
        assertThat(script).doesNotContainPattern("(?i)WITH\\s*\\(");
        assertThat(script).containsPattern("WITH DATA\\s*;");
    }

    @Test
    void bothForwardScriptsGiveDailyMetricsSummaryTheSameColumns() {
        String community = sql(TimescaleFeaturesMigration.scriptPath(Edition.COMMUNITY));
        String apache = sql(TimescaleFeaturesMigration.scriptPath(Edition.APACHE));

        assertThat(selectList(apache)).isEqualTo(selectList(community));
    }

    private static String selectList(String script) {
        int select = script.indexOf("SELECT company_id");
        int from = script.indexOf("FROM financial_metrics", select);
        assertThat(select).isNotNegative();
        assertThat(from).isGreaterThan(select);
        return script.substring(select, from).replaceAll("\\s+", " ");
    }

    @Test
    void communityUndoRemovesPoliciesThenDecompressesThenDropsTheViewThenDisablesCompression() {
        String undo = sql(undoPath(Edition.COMMUNITY));

        int aggregatePolicy = undo.indexOf("remove_continuous_aggregate_policy");
        int retentionPolicy = undo.indexOf("remove_retention_policy");
        int compressionPolicy = undo.indexOf("remove_compression_policy");
        int decompress = undo.indexOf("decompress_chunk");
        int dropView = undo.indexOf("DROP MATERIALIZED VIEW");
        int compressOff = undo.indexOf("timescaledb.compress = false");

        assertThat(aggregatePolicy).isNotNegative();
        assertThat(retentionPolicy).isNotNegative();
        assertThat(compressionPolicy).isNotNegative();
        assertThat(decompress).isGreaterThan(Math.max(aggregatePolicy, Math.max(retentionPolicy, compressionPolicy)));
        assertThat(dropView).isGreaterThan(decompress);
        assertThat(compressOff).isGreaterThan(dropView);
    }

    @Test
    void apacheUndoOnlyDropsThePlainMaterializedView() {
        String undo = sql(undoPath(Edition.APACHE));

        assertThat(undo).contains("DROP MATERIALIZED VIEW daily_metrics_summary");
        assertThat(undo)
                .doesNotContain("remove_")
                .doesNotContain("decompress_chunk")
                .doesNotContain("timescaledb.compress");
    }
}
