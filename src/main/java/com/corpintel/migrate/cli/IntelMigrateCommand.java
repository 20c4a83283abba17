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
                BaselineCommand.class,
                RepairCommand.class,
                CreateCommand.class,
                CreateEmptyCommand.class,
                LintCommand.class,
                CompletionCommand.class,
                picocli.CommandLine.HelpCommand.class
        },
        footerHeading = "%nConnection settings, each field from the highest source that sets it:%n",
        footer = {
                "  1. options --host, -p, -d, -U, --password-file, --sslmode",
                "  2. --url URL, or entry N of --url-list FILE with --url-index N",
                "  3. DATABASE_PASSWORD_FILE",
                "  4. DATABASE_URL, else POSTGRES_URL (libpq or JDBC URL)",
                "  5. PGHOST PGPORT PGDATABASE PGUSER PGPASSWORD PGSSLMODE PGSSLROOTCERT",
                "  6. QUARKUS_DATASOURCE_JDBC_URL, _USERNAME, _PASSWORD",
                "  7. defaults: localhost, 5432, user $USER, database = user, sslmode prefer",
                "Other settings: INTEL_MIGRATE_SCHEMA, INTEL_MIGRATE_LOCK_WAIT,",
                "  INTEL_MIGRATE_LOCK_TIMEOUT, INTEL_MIGRATE_STATEMENT_TIMEOUT,",
                "  INTEL_MIGRATE_TIMESCALE_FEATURES, INTEL_MIGRATE_AWAIT_TIMEOUT,",
                "  INTEL_MIGRATE_HTTP_HOST, INTEL_MIGRATE_HTTP_PORT (serve), NO_COLOR.",
                "",
                "Exit codes:",
                "  0 success                        5 a migration or undo script failed",
                "  1 internal error (a bug)         6 validation failed",
                "  2 usage error                    7 pending migrations (status --check)",
                "  3 cannot connect                 8 deadline passed (await --timeout)",
                "  4 migration lock not obtained    9 refused before changing anything"
        })
public class IntelMigrateCommand {
}
