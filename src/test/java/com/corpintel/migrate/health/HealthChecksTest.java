package com.corpintel.migrate.health;

import com.corpintel.migrate.Failure;
import com.corpintel.migrate.config.ConnectionSettings;
import com.corpintel.migrate.db.Database;
import com.corpintel.migrate.db.SessionSettings;
import com.corpintel.migrate.migrate.BundledMigrations;
import com.corpintel.migrate.migrate.MigrationService;
import com.corpintel.migrate.timescale.FeatureMode;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Which checks each scope runs, in which order, against a database nothing listens for (port 1). */
class HealthChecksTest {

    private final List<String> progress = new ArrayList<>();
    private final HealthChecks checks = new HealthChecks(new MigrationService(new Database(
            new ConnectionSettings("127.0.0.1", 1, "x", "u", null, "disable", Map.of(), "test"),
            new SessionSettings("public", "test", Duration.ofSeconds(1), Duration.ZERO, Duration.ZERO)),
            new BundledMigrations(), FeatureMode.AUTO, "tester", progress::add));

    private static List<String> names(HealthReport report) {
        return report.checks().stream().map(HealthCheckResult::name).toList();
    }

    @Test
    void livenessCarriesTheBundledMigrationsAndNeedsNoDatabase() {
        HealthReport live = checks.report(HealthChecks.Scope.LIVE);

        assertThat(live.up()).isTrue();
        assertThat(names(live)).containsExactly("intel-migrate");
        assertThat(live.checks().get(0).data()).containsEntry("bundledMigrations", 3);
    }

    @Test
    void readinessChecksTheDatabaseThenTheSchema() {
        assertThat(names(checks.report(HealthChecks.Scope.READY))).containsExactly("database", "schema");
        assertThat(names(checks.report(HealthChecks.Scope.ALL))).containsExactly("intel-migrate", "database", "schema");
    }

    @Test
    void anUnreachableDatabaseMakesBothReadinessChecksDownForTheSameReason() {
        HealthReport ready = checks.report(HealthChecks.Scope.READY);

        HealthCheckResult database = ready.checks().get(0);
        HealthCheckResult schema = ready.checks().get(1);
        assertThat(ready.cause()).contains(Failure.Kind.CONNECTION);
        assertThat(database.data()).containsEntry("database", "u@127.0.0.1:1/x")
                .hasEntrySatisfying("reason", reason -> assertThat(reason).asString().contains("127.0.0.1:1"));
        assertThat(schema.up()).isFalse();
        assertThat(schema.data()).containsExactly(Map.entry("reason", database.data().get("reason")));
    }
}
