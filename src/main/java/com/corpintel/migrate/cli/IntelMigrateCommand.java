package com.corpintel.migrate.cli;

import io.quarkus.picocli.runtime.annotations.TopCommand;
import picocli.CommandLine.Command;

/** The top command: only subcommands, help and version. */
@TopCommand
@Command(
        name = "intel-migrate",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        sortOptions = false,
        description = "Applies, reverts, inspects and checks the Corporate Intelligence Platform's PostgreSQL schema"
                + " (TimescaleDB + pgvector).",
        subcommands = {
                StatusCommand.class,
                UpgradeCommand.class,
                UpgradeToCommand.class,
                DowngradeCommand.class,
                DowngradeToCommand.class,
                CurrentCommand.class,
                HistoryCommand.class,
                CheckCommand.class,
                SnapshotCommand.class,
                HealthCommand.class,
                ServeCommand.class,
                AwaitCommand.class,
                ValidateCommand.class,
                picocli.CommandLine.HelpCommand.class
        },
        footerHeading = "%nConfiguration (highest first):%n",
        footer = {
                "  1. command-line options",
                "  2. DATABASE_URL or POSTGRES_URL (libpq or JDBC URL), DATABASE_PASSWORD_FILE",
                "  3. PGHOST PGPORT PGDATABASE PGUSER PGPASSWORD PGSSLMODE",
                "  4. QUARKUS_DATASOURCE_JDBC_URL, _USERNAME, _PASSWORD",
                "  Also: INTEL_MIGRATE_SCHEMA, INTEL_MIGRATE_LOCK_WAIT,",
                "  INTEL_MIGRATE_LOCK_TIMEOUT, INTEL_MIGRATE_STATEMENT_TIMEOUT,",
                "  INTEL_MIGRATE_TIMESCALE_FEATURES, INTEL_MIGRATE_AWAIT_TIMEOUT,",
                "  INTEL_MIGRATE_HTTP_HOST, INTEL_MIGRATE_HTTP_PORT (serve), NO_COLOR.",
                "",
                "Exit codes:",
                "  0 success                        5 a migration or undo script failed",
                "  1 internal error (a bug)         6 validation failed",
                "  2 usage error                    7 pending migrations (status --check)",
                "  3 cannot connect                 8 deadline passed (await --timeout)",
                "  4 migration lock not obtained    9 refused before changing anything",
                "",
                "Planned, not in this version (see " + PlannedCommands.SPECIFIED_IN + "):",
                "  " + PlannedCommands.NAMES + "."
        })
public class IntelMigrateCommand {
}
