package com.corpintel.migrate.migrate;

import com.corpintel.migrate.config.ConnectionSettings;
import com.corpintel.migrate.db.Database;
import com.corpintel.migrate.db.SessionSettings;
import com.corpintel.migrate.timescale.Edition;
import com.corpintel.migrate.timescale.RecordedBranch;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** When `upgrade` owes V2 its initial refresh of daily_metrics_summary. */
class InitialRefreshTest {

    private static final Optional<RecordedBranch> COMMUNITY =
            Optional.of(new RecordedBranch(Edition.COMMUNITY, RecordedBranch.Evidence.CHECKSUM));
    private static final Optional<RecordedBranch> APACHE =
            Optional.of(new RecordedBranch(Edition.APACHE, RecordedBranch.Evidence.CHECKSUM));

    private static Optional<OperationsLog.Entry> entry(long id, String description) {
        return Optional.of(new OperationsLog.Entry(id, "2", description, "upgrade", "success", "intel",
                "intel-migrate upgrade@pod", null, Instant.parse("2025-03-01T12:00:00Z"), 5, null));
    }

    private static Optional<OperationsLog.Entry> features(long id) {
        return entry(id, TimescaleFeaturesMigration.DESCRIPTION);
    }

    private static Optional<OperationsLog.Entry> refreshed(long id) {
        return entry(id, InitialRefresh.DESCRIPTION);
    }

    @Test
    void aCommunityV2WithoutACompletedRefreshOwesIt() {
        assertThat(InitialRefresh.pending(COMMUNITY, features(2), Optional.empty())).isTrue();
    }

    @Test
    void aRefreshCompletedAfterV2IsNotRunAgain() {
        assertThat(InitialRefresh.pending(COMMUNITY, features(2), refreshed(3))).isFalse();
    }

    @Test
    void v2AppliedAgainAfterARoundTripOwesANewRefresh() {
        assertThat(InitialRefresh.pending(COMMUNITY, features(7), refreshed(3))).isTrue();
    }

    @Test
    void aV2MigratedByABinaryWithoutTheStepOwesIt() {
        assertThat(InitialRefresh.pending(COMMUNITY, Optional.empty(), Optional.empty())).isTrue();
        assertThat(InitialRefresh.pending(COMMUNITY, Optional.empty(), refreshed(3))).isFalse();
    }

    @Test
    void theApacheBranchAndAnUnappliedV2OweNothing() {
        assertThat(InitialRefresh.pending(APACHE, features(2), Optional.empty())).isFalse();
        assertThat(InitialRefresh.pending(Optional.empty(), Optional.empty(), Optional.empty())).isFalse();
    }

    @Test
    void theStepRunsTheBundledRefreshOutsideATransaction() {
        String sql = BundledResources.standard().require(InitialRefresh.SCRIPT);

        assertThat(sql).contains("CALL refresh_continuous_aggregate('daily_metrics_summary', NULL, NULL);");
    }

    private static InitialRefresh unreachable() {
        Database nowhere = new Database(
                new ConnectionSettings("127.0.0.1", 1, "x", "u", null, "disable", Map.of(), "test"),
                new SessionSettings("public", "test", Duration.ofSeconds(1), Duration.ZERO, Duration.ZERO));
        return new InitialRefresh(nowhere, BundledResources.standard(), message -> { });
    }

    private static final List<Plan.Step> UP_TO_V2 = List.of(
            new Plan.Step("upgrade", "1", "initial schema", new Script("db/migration/V1__initial_schema.sql", "", true)),
            new Plan.Step("upgrade", "2", "timescale features", new Script("db/timescale/V2.sql", "", true)));

    @Test
    void aDryRunThatAppliesTheCommunityV2ShowsTheRefreshAfterIt() {
        Optional<Plan.Step> step = unreachable().plan(UP_TO_V2, Edition.COMMUNITY);

        assertThat(step).hasValueSatisfying(s -> {
            assertThat(s.label()).isEqualTo("V2 initial refresh of daily_metrics_summary");
            assertThat(s.script().path()).isEqualTo(InitialRefresh.SCRIPT);
            assertThat(s.script().transactional()).isFalse();
        });
    }

    @Test
    void aDryRunThatAppliesTheApacheV2ShowsNoRefresh() {
        assertThat(unreachable().plan(UP_TO_V2, Edition.APACHE)).isEmpty();
    }
}
