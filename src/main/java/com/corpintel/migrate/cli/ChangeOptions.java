package com.corpintel.migrate.cli;

import com.corpintel.migrate.timescale.FeatureMode;
import picocli.CommandLine.Option;

import java.time.Duration;

/** How a schema-changing command waits, times out and treats TimescaleDB's license. */
public final class ChangeOptions {

    @Option(names = "--lock-wait", paramLabel = "DURATION", defaultValue = "${env:INTEL_MIGRATE_LOCK_WAIT:-2m}",
            converter = DurationConverter.class,
            description = "How long to wait for another migration to finish before giving up with exit code 4"
                    + " (default: ${DEFAULT-VALUE}).")
    Duration lockWait;

    @Option(names = "--lock-timeout", paramLabel = "DURATION", defaultValue = "${env:INTEL_MIGRATE_LOCK_TIMEOUT:-10s}",
            converter = DurationConverter.ServerTimeout.class,
            description = "PostgreSQL lock_timeout for each statement, so a migration never queues forever behind a"
                    + " long transaction; 0 disables it (default: ${DEFAULT-VALUE}).")
    Duration lockTimeout;

    @Option(names = "--lock-retries", paramLabel = "N", defaultValue = "3", converter = LockRetriesConverter.class,
            description = "Retries, with doubling pauses, of a migration that hit lock_timeout; 0 to 20"
                    + " (default: ${DEFAULT-VALUE}).")
    int lockRetries;

    @Option(names = "--statement-timeout", paramLabel = "DURATION",
            defaultValue = "${env:INTEL_MIGRATE_STATEMENT_TIMEOUT:-30m}",
            converter = DurationConverter.ServerTimeout.class,
            description = "PostgreSQL statement_timeout for each statement; 0 disables it (default: ${DEFAULT-VALUE}).")
    Duration statementTimeout;

    @Option(names = "--dry-run",
            description = "Print, in execution order, the exact SQL each step would run (the TimescaleDB branch this"
                    + " server takes included) and change nothing, not even the history or the operations log.")
    boolean dryRun;

    @Option(names = "--timescale-features", paramLabel = "MODE",
            defaultValue = "${env:INTEL_MIGRATE_TIMESCALE_FEATURES:-auto}",
            description = "auto: skip what TimescaleDB's Apache license lacks and say so; required: refuse instead"
                    + " (exit code 9). Default: ${DEFAULT-VALUE}.")
    FeatureMode featureMode;
}
