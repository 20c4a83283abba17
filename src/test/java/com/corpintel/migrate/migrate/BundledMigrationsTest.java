package com.corpintel.migrate.migrate;

import com.corpintel.migrate.timescale.Edition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Instant;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Which bundled script belongs to which applied or pending migration. */
class BundledMigrationsTest {

    static final MigrationRecord V1 = applied("1", "initial schema", "SQL", "V1__initial_schema.sql");
    static final MigrationRecord V2 = applied("2", "timescale features", "JDBC", null);
    static final MigrationRecord V3 = applied("3", "permission scopes", "SQL", "V3__permission_scopes.sql");

    private final BundledMigrations bundled = new BundledMigrations();

    static MigrationRecord applied(String version, String description, String type, String script) {
        return new MigrationRecord(version, description, type, MigrationState.SUCCESS, script,
                Instant.parse("2025-01-01T00:00:00Z"), "tester", 10, 42, Integer.parseInt(version));
    }

    @ParameterizedTest
    @EnumSource(Edition.class)
    void undoOfTimescaleFeaturesFollowsTheEdition(Edition edition) {
        assertThat(bundled.undo(V2, edition)).hasValueSatisfying(script -> {
            assertThat(script.path()).isEqualTo("db/undo/U2__timescale_features." + edition.resourceName + ".sql");
            assertThat(script.sql()).contains("DROP MATERIALIZED VIEW daily_metrics_summary");
        });
    }

    @Test
    void communityAndApacheUndoOfVersionTwoAreDifferentScripts() {
        Script community = bundled.undo(V2, Edition.COMMUNITY).orElseThrow();
        Script apache = bundled.undo(V2, Edition.APACHE).orElseThrow();

        assertThat(community.path()).isEqualTo("db/undo/U2__timescale_features.community.sql");
        assertThat(apache.path()).isEqualTo("db/undo/U2__timescale_features.apache.sql");
        assertThat(community.sql()).contains("remove_compression_policy");
        assertThat(apache.sql()).doesNotContain("remove_compression_policy");
    }

    @Test
    void undoOfTimescaleFeaturesWithoutAnEditionIsNotFound() {
        assertThat(bundled.undo(V2, null)).isEmpty();
    }

    @Test
    void undoOfEditionIndependentMigrationsIgnoresTheEdition() {
        for (Edition edition : new Edition[] {Edition.COMMUNITY, Edition.APACHE, null}) {
            assertThat(bundled.undo(V1, edition)).map(Script::path).contains("db/undo/U1__initial_schema.sql");
            assertThat(bundled.undo(V3, edition)).map(Script::path).contains("db/undo/U3__permission_scopes.sql");
        }
    }

    @Test
    void undoOfUnknownVersionIsEmpty() {
        assertThat(bundled.undo(applied("99", "not bundled", "SQL", "V99__not_bundled.sql"), Edition.COMMUNITY))
                .isEmpty();
        assertThat(bundled.undo(applied("1", "renamed description", "SQL", "V1__renamed_description.sql"), null))
                .isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Edition.class)
    void forwardOfTimescaleFeaturesIsTheEditionsScript(Edition edition) {
        assertThat(bundled.forward(V2, edition)).hasValueSatisfying(script -> {
            assertThat(script.path()).isEqualTo("db/timescale/V2__timescale_features." + edition.resourceName + ".sql");
            assertThat(script.sql()).contains("CREATE MATERIALIZED VIEW daily_metrics_summary");
        });
    }

    @Test
    void forwardOfSqlMigrationIsItsScriptInTheMigrationDirectory() {
        assertThat(bundled.forward(V1, Edition.APACHE)).hasValueSatisfying(script -> {
            assertThat(script.path()).isEqualTo("db/migration/V1__initial_schema.sql");
            assertThat(script.sql()).contains("CREATE TABLE companies");
            assertThat(script.transactional()).isTrue();
        });
        assertThat(bundled.forward(V3, null)).map(Script::path).contains("db/migration/V3__permission_scopes.sql");
    }

    @Test
    void forwardWithoutScriptOrWithUnknownScriptIsEmpty() {
        assertThat(bundled.forward(applied("7", "no script", "SQL", null), Edition.COMMUNITY)).isEmpty();
        assertThat(bundled.forward(applied("7", "gone", "SQL", "V7__gone.sql"), Edition.COMMUNITY)).isEmpty();
    }

    @Test
    void undoOfInitialSchemaAndPermissionScopesDeclareDataLoss() {
        assertThat(bundled.undo(V1, null).orElseThrow().dataLoss())
                .singleElement().asString().contains("every row");
        assertThat(bundled.undo(V3, null).orElseThrow().dataLoss())
                .singleElement().asString().contains("user_permissions");
    }

    @Test
    void communityUndoOfTimescaleFeaturesDeclaresTheLossOfTheAggregatesHistory() {
        assertThat(bundled.undo(V2, Edition.COMMUNITY).orElseThrow().dataLoss())
                .singleElement().asString().contains("daily_metrics_summary", "only copy");
    }

    @Test
    void apacheUndoOfTimescaleFeaturesDeclaresNoDataLoss() {
        // The plain materialized view is recomputed from raw rows that no retention policy drops.
        assertThat(bundled.undo(V2, Edition.APACHE).orElseThrow().dataLoss()).isEmpty();
    }

    @Test
    void everyBundledUndoScriptIsTransactionalButTheCommunityUndoOfTimescaleFeatures() {
        Stream.of(bundled.undo(V1, null), bundled.undo(V2, Edition.APACHE), bundled.undo(V3, null))
                .forEach(undo -> assertThat(undo).hasValueSatisfying(script ->
                        assertThat(script.transactional()).as("%s is transactional", script.path()).isTrue()));
        // It decompresses chunk by chunk, one transaction each (its .conf says executeInTransaction=false).
        assertThat(bundled.undo(V2, Edition.COMMUNITY).orElseThrow().transactional()).isFalse();
    }

    @Test
    void requireFailsLoudlyForAMissingResource() {
        var resources = bundled.resources();
        assertThat(resources.require("db/migration/V1__initial_schema.sql")).contains("CREATE FUNCTION");
        assertThat(org.assertj.core.api.Assertions.catchThrowableOfType(com.corpintel.migrate.Failure.class,
                () -> resources.require("db/undo/U42__nothing.sql")))
                .hasMessageContaining("U42__nothing.sql")
                .extracting(com.corpintel.migrate.Failure::kind).isEqualTo(com.corpintel.migrate.Failure.Kind.INTERNAL);
    }

    @Test
    void inventoryCountsTheJavaStepAndOneUndoPerMigration() {
        assertThat(bundled.inventory()).isEqualTo(new MigrationSource.Inventory("this binary", 3, 3));
    }
}
