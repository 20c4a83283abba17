package com.corpintel.migrate.health;

import com.corpintel.migrate.Failure;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HealthReportTest {

    private static final HealthCheckResult LIVE = HealthCheckResult.up("intel-migrate", Map.of("bundledMigrations", 3));
    private static final HealthCheckResult DATABASE_UP = HealthCheckResult.up("database", Map.of());
    private static final HealthCheckResult UNREACHABLE =
            HealthCheckResult.down("database", Failure.Kind.CONNECTION, Map.of("reason", "refused"));
    private static final HealthCheckResult PENDING =
            HealthCheckResult.down("schema", Failure.Kind.PENDING, Map.of("reason", "pending: V3"));
    private static final HealthCheckResult FAILED =
            HealthCheckResult.down("schema", Failure.Kind.VALIDATION, Map.of("reason", "failed migration: V3"));

    @Test
    void everyCheckUpIsUpWithNoCause() {
        HealthReport report = new HealthReport(List.of(LIVE, DATABASE_UP));

        assertThat(report.up()).isTrue();
        assertThat(report.status()).isEqualTo("UP");
        assertThat(report.cause()).isEmpty();
    }

    @Test
    void anEmptyReportIsUp() {
        assertThat(new HealthReport(List.of()).status()).isEqualTo("UP");
    }

    @Test
    void oneCheckDownMakesTheReportDown() {
        HealthReport report = new HealthReport(List.of(LIVE, DATABASE_UP, PENDING));

        assertThat(report.up()).isFalse();
        assertThat(report.status()).isEqualTo("DOWN");
    }

    @Test
    void pendingMigrationsAloneArePending() {
        assertThat(new HealthReport(List.of(LIVE, DATABASE_UP, PENDING)).cause()).contains(Failure.Kind.PENDING);
    }

    @Test
    void anUnreachableDatabaseOutranksWhatTheSchemaCheckSays() {
        assertThat(new HealthReport(List.of(PENDING, UNREACHABLE)).cause()).contains(Failure.Kind.CONNECTION);
        assertThat(new HealthReport(List.of(FAILED, UNREACHABLE)).cause()).contains(Failure.Kind.CONNECTION);
    }

    @Test
    void aFailedMigrationOutranksPendingOnes() {
        HealthCheckResult brokenBinary = HealthCheckResult.down("intel-migrate", Failure.Kind.INTERNAL, Map.of());

        assertThat(new HealthReport(List.of(PENDING, FAILED)).cause()).contains(Failure.Kind.VALIDATION);
        assertThat(new HealthReport(List.of(brokenBinary, PENDING)).cause()).contains(Failure.Kind.INTERNAL);
    }

    @Test
    void aCheckIsDownExactlyWhenItHasACause() {
        assertThatThrownBy(() -> new HealthCheckResult("x", true, Map.of(), Failure.Kind.PENDING))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new HealthCheckResult("x", false, Map.of(), null))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
