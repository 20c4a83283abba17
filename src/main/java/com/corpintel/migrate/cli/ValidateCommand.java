package com.corpintel.migrate.cli;

import com.corpintel.migrate.report.Check;
import com.corpintel.migrate.report.CheckReport;
import com.corpintel.migrate.timescale.FeatureMode;
import com.corpintel.migrate.validate.ValidationService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "validate", sortOptions = false,
        description = {"The full report: connection, server version, extensions, TimescaleDB license, migration state,"
                + " pending migrations, every table, column, constraint and index of the expected schema (drift both"
                + " ways), hypertable, compression, policies, continuous aggregate, vector columns and indexes.",
                "Exit 0 when nothing failed, 6 when a check failed (3 when the database is unreachable);"
                        + " --strict also fails on degraded checks."})
class ValidateCommand extends DatabaseCommand {

    @Option(names = "--strict", description = "Treat degraded checks (e.g. TimescaleDB features the Apache license"
            + " lacks) as failures.")
    boolean strict;

    @Option(names = "--timescale-features", paramLabel = "MODE",
            defaultValue = "${env:INTEL_MIGRATE_TIMESCALE_FEATURES:-auto}",
            description = "required: an Apache-licensed TimescaleDB fails instead of degrading (default: ${DEFAULT-VALUE}).")
    FeatureMode featureMode;

    @Override
    public Integer call() {
        CheckReport report = new ValidationService(migrations(database(), featureMode), featureMode).validate();
        print(renderer().checks(report));
        if (report.check(ValidationService.CONNECTION).filter(c -> c.status() != Check.Status.PASSED).isPresent()) {
            return ExitCode.CONNECTION.code;
        }
        if (report.anyFailed() || (strict && report.anyDegraded())) {
            return ExitCode.VALIDATION_FAILED.code;
        }
        return ExitCode.OK.code;
    }
}
