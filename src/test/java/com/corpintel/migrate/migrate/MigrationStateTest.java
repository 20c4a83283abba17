package com.corpintel.migrate.migrate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class MigrationStateTest {

    @ParameterizedTest
    @EnumSource(org.flywaydb.core.api.MigrationState.class)
    void everyFlywayStateHasOneOfOursWithTheLowerCaseNameReportsHaveAlwaysShown(
            org.flywaydb.core.api.MigrationState flyway) {
        MigrationState ours = MigrationState.of(flyway);

        assertThat(ours.label()).isEqualTo(flyway.name().toLowerCase(java.util.Locale.ROOT));
        assertThat(ours.failed()).as("failed").isEqualTo(flyway.isFailed());
    }

    @Test
    void onlyStatesOfVersionsThisBinaryLacksAreFutureOrMissing() {
        List<MigrationState> notBundled = Arrays.stream(MigrationState.values()).filter(s -> !s.bundled()).toList();

        assertThat(notBundled).containsExactlyInAnyOrder(MigrationState.FUTURE_SUCCESS, MigrationState.FUTURE_FAILED,
                MigrationState.MISSING_SUCCESS, MigrationState.MISSING_FAILED);
        assertThat(Arrays.stream(MigrationState.values()).filter(MigrationState::future))
                .containsExactlyInAnyOrder(MigrationState.FUTURE_SUCCESS, MigrationState.FUTURE_FAILED);
    }

    @Test
    void theCurrentVersionIsTheNewestSuccessfullyAppliedBaselinedOrFutureOne() {
        assertThat(Arrays.stream(MigrationState.values()).filter(MigrationState::countsAsCurrent))
                .containsExactlyInAnyOrder(MigrationState.SUCCESS, MigrationState.BASELINE,
                        MigrationState.FUTURE_SUCCESS, MigrationState.OUT_OF_ORDER);
    }

    @Test
    void theCurrentRecordSkipsFailedStepsAndFlywaysUnversionedSchemaMarker() {
        MigrationRecord marker = record(null, MigrationState.SUCCESS);
        MigrationRecord v1 = record("1", MigrationState.SUCCESS);
        MigrationRecord v10 = record("10", MigrationState.SUCCESS);
        MigrationRecord v11 = record("11", MigrationState.FAILED);

        assertThat(StatusReader.current(List.of(marker, v10, v1, v11))).isSameAs(v10);
        assertThat(StatusReader.current(List.of(marker))).isNull();
    }

    private static MigrationRecord record(String version, MigrationState state) {
        return new MigrationRecord(version, "step", "SQL", state, null, java.time.Instant.EPOCH, "tester", 1, 1, 1);
    }
}
