package com.corpintel.migrate.cli;

import com.corpintel.migrate.health.DatabaseReadiness;
import com.corpintel.migrate.health.HealthTarget;
import com.corpintel.migrate.health.SchemaReadiness;
import jakarta.json.JsonObject;
import com.corpintel.migrate.timescale.FeatureMode;
import io.smallrye.health.SmallRyeHealth;
import io.smallrye.health.SmallRyeHealthReporter;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

@Command(name = "health", sortOptions = false,
        description = {"Run the health checks once and print the MicroProfile Health JSON; exit 0 when UP, 3 when the"
                + " database is unreachable, 7 when migrations are pending, 6 for a failed migration or checksum problem.",
                "Usable as a Kubernetes exec probe. Liveness: the process can work. Readiness: the database is"
                        + " reachable, the schema is at the bundled head, no migration failed."})
class HealthCommand extends DatabaseCommand {

    @Option(names = "--live", description = "Only the liveness checks.")
    boolean live;

    @Option(names = "--ready", description = "Only the readiness checks.")
    boolean ready;

    @Inject
    Instance<SmallRyeHealthReporter> reporter;

    @Inject
    Instance<HealthTarget> target;

    @Override
    public Integer call() {
        target.get().set(migrations(database(), FeatureMode.AUTO));
        SmallRyeHealthReporter health = reporter.get();
        SmallRyeHealth result = live && !ready ? health.getLiveness()
                : ready && !live ? health.getReadiness() : health.getHealth();
        ByteArrayOutputStream json = new ByteArrayOutputStream();
        health.reportHealth(json, result);
        print(json.toString(StandardCharsets.UTF_8) + "\n");
        return exitCode(result.getPayload()).code;
    }

    /** DOWN maps to the exit code every command uses for that cause: 3 unreachable, 6 failed, 7 pending. */
    static ExitCode exitCode(JsonObject payload) {
        ExitCode code = ExitCode.OK;
        for (JsonObject check : payload.getJsonArray("checks").getValuesAs(JsonObject.class)) {
            if (!"DOWN".equals(check.getString("status"))) {
                continue;
            }
            String name = check.getString("name");
            JsonObject data = check.getJsonObject("data");
            if (DatabaseReadiness.NAME.equals(name)) {
                return ExitCode.CONNECTION;
            }
            boolean pendingOnly = SchemaReadiness.NAME.equals(name) && data != null
                    && data.containsKey("failed") && data.getInt("failed") == 0
                    && data.getString("reason", "").startsWith("pending");
            code = pendingOnly && code == ExitCode.OK ? ExitCode.PENDING : ExitCode.VALIDATION_FAILED;
        }
        return code;
    }
}
