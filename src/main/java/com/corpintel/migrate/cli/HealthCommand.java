package com.corpintel.migrate.cli;

import com.corpintel.migrate.health.HealthChecks;
import com.corpintel.migrate.health.HealthReport;
import com.corpintel.migrate.render.HealthJson;
import com.corpintel.migrate.timescale.FeatureMode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

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

    @Override
    public Integer call() {
        HealthChecks checks = new HealthChecks(migrations(database(), FeatureMode.AUTO));
        HealthChecks.Scope scope = live && !ready ? HealthChecks.Scope.LIVE
                : ready && !live ? HealthChecks.Scope.READY : HealthChecks.Scope.ALL;
        HealthReport report = checks.report(scope);
        print(HealthJson.write(report) + "\n");
        return exitCode(report).code;
    }

    /** DOWN maps to the exit code every command uses for that cause: 3 unreachable, 6 failed, 7 pending. */
    static ExitCode exitCode(HealthReport report) {
        return report.cause().map(ExitCodes::of).orElse(ExitCode.OK);
    }
}
