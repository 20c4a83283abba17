package com.corpintel.migrate.health;

import com.corpintel.migrate.Failure;
import com.corpintel.migrate.config.Redaction;
import com.corpintel.migrate.migrate.MigrationRecord;
import com.corpintel.migrate.migrate.StatusReport;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/** Readiness, part two: the schema is at the bundled head and no migration failed. */
@Readiness
@ApplicationScoped
public class SchemaReadiness implements HealthCheck {

    public static final String NAME = "schema";

    @Inject
    HealthTarget target;

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named(NAME);
        if (target.get().isEmpty()) {
            return response.down().withData("reason", "no database configured yet").build();
        }
        StatusReport status;
        try {
            status = target.get().get().status();
        } catch (Failure e) {
            return response.down().withData("reason", Redaction.redact(e.getMessage())).build();
        }
        response.withData("schema", status.schema())
                .withData("current", status.currentVersion() == null ? "none" : status.currentVersion())
                .withData("head", status.head() == null ? "none" : status.head())
                .withData("pending", status.pending().size())
                .withData("failed", status.failed().size());
        if (!status.failed().isEmpty()) {
            return response.down().withData("reason", "failed migration: " + labels(status.failed())).build();
        }
        if (!status.problems().isEmpty()) {
            return response.down().withData("reason", status.problems().get(0).kind() + " on V"
                    + status.problems().get(0).version()).build();
        }
        if (!status.pending().isEmpty()) {
            return response.down().withData("reason", "pending: " + labels(status.pending())).build();
        }
        return response.up().build();
    }

    private static String labels(java.util.List<MigrationRecord> records) {
        return String.join(", ", records.stream().map(MigrationRecord::label).toList());
    }
}
