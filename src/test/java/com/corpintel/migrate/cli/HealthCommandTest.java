package com.corpintel.migrate.cli;

import com.corpintel.migrate.Failure;
import com.corpintel.migrate.health.HealthCheckResult;
import com.corpintel.migrate.health.HealthReport;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** health's exit code follows the cause of DOWN, with the codes every other command uses. */
class HealthCommandTest {

    private static HealthReport report(HealthCheckResult... checks) {
        return new HealthReport(List.of(checks));
    }

    private static HealthCheckResult down(String name, Failure.Kind cause) {
        return HealthCheckResult.down(name, cause, Map.of("reason", "x"));
    }

    @Test
    void upExits0() {
        assertThat(HealthCommand.exitCode(report(HealthCheckResult.up("database", Map.of())))).isEqualTo(ExitCode.OK);
    }

    @Test
    void anUnreachableDatabaseExits3() {
        assertThat(HealthCommand.exitCode(report(down("database", Failure.Kind.CONNECTION),
                down("schema", Failure.Kind.CONNECTION))).code).isEqualTo(3);
    }

    @Test
    void onlyPendingMigrationsExit7() {
        assertThat(HealthCommand.exitCode(report(HealthCheckResult.up("database", Map.of()),
                down("schema", Failure.Kind.PENDING))).code).isEqualTo(7);
    }

    @Test
    void aFailedMigrationOrChecksumProblemExits6() {
        assertThat(HealthCommand.exitCode(report(down("schema", Failure.Kind.VALIDATION))).code).isEqualTo(6);
    }
}
