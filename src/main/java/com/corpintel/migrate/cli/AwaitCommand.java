package com.corpintel.migrate.cli;

import com.corpintel.migrate.health.AwaitService;
import com.corpintel.migrate.migrate.StatusReport;
import com.corpintel.migrate.timescale.FeatureMode;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.time.Duration;

@Command(name = "await", sortOptions = false,
        description = {"Block until the database is reachable and, with --version or --head, the applied version is"
                + " at least that; then print the status.",
                "For init containers of application pods while a migration Job works. Exit 8 when --timeout passes."})
class AwaitCommand extends DatabaseCommand {

    static final class Goal {
        @Option(names = "--version", paramLabel = "VERSION", description = "Wait until at least this version is applied.")
        String version;

        @Option(names = "--head", description = "Wait until the bundled head is applied.")
        boolean head;
    }

    @ArgGroup(exclusive = true)
    Goal goal;

    @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "${env:INTEL_MIGRATE_AWAIT_TIMEOUT:-10m}",
            converter = DurationConverter.class, description = "Give up after this long (default: ${DEFAULT-VALUE}).")
    Duration timeout;

    @Option(names = "--max-interval", paramLabel = "DURATION", defaultValue = "5s",
            converter = DurationConverter.PollInterval.class,
            description = "Longest pause between two polls; pauses start at 250 ms and double (default: ${DEFAULT-VALUE}).")
    Duration maxInterval;

    @Override
    public Integer call() {
        String version = goal == null ? null : goal.head ? AwaitService.HEAD : goal.version;
        StatusReport status = new AwaitService(migrations(database(), FeatureMode.AUTO), this::progress)
                .await(version, timeout, maxInterval);
        print(renderer().status(status));
        return ExitCode.OK.code;
    }
}
