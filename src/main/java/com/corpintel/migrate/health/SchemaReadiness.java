package com.corpintel.migrate.health;

import com.corpintel.migrate.Failure;
import com.corpintel.migrate.config.Redaction;
import com.corpintel.migrate.migrate.MigrationRecord;
import com.corpintel.migrate.migrate.MigrationService;
import com.corpintel.migrate.migrate.StatusReport;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Readiness, part two: the schema is at the bundled head and no migration failed. */
public final class SchemaReadiness {

    public static final String NAME = "schema";

    private final MigrationService migrations;

    public SchemaReadiness(MigrationService migrations) {
        this.migrations = migrations;
    }

    public HealthCheckResult call() {
        StatusReport status;
        try {
            status = migrations.status();
        } catch (Failure e) {
            return HealthCheckResult.down(NAME, e.kind(), Map.of("reason", Redaction.redact(e.getMessage())));
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("schema", status.schema());
        data.put("current", status.currentVersion() == null ? "none" : status.currentVersion());
        data.put("head", status.head() == null ? "none" : status.head());
        data.put("pending", status.pending().size());
        data.put("failed", status.failed().size());
        if (!status.failed().isEmpty()) {
            data.put("reason", "failed migration: " + labels(status.failed()));
            return HealthCheckResult.down(NAME, Failure.Kind.VALIDATION, data);
        }
        if (!status.problems().isEmpty()) {
            StatusReport.Problem first = status.problems().get(0);
            data.put("reason", first.kind() + " on V" + first.version());
            return HealthCheckResult.down(NAME, Failure.Kind.VALIDATION, data);
        }
        if (!status.pending().isEmpty()) {
            data.put("reason", "pending: " + labels(status.pending()));
            return HealthCheckResult.down(NAME, Failure.Kind.PENDING, data);
        }
        return HealthCheckResult.up(NAME, data);
    }

    /** Without a reachable database there is no schema to look at: the same reason, without a second attempt. */
    HealthCheckResult unreachable(HealthCheckResult database) {
        return HealthCheckResult.down(NAME, Failure.Kind.CONNECTION,
                Map.of("reason", database.data().getOrDefault("reason", "database not reachable")));
    }

    private static String labels(List<MigrationRecord> records) {
        return String.join(", ", records.stream().map(MigrationRecord::label).toList());
    }
}
